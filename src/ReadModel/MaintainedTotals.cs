namespace Commerce.ReadModel;

/// <summary>
/// The exact totals that the product row writes keep in the same transaction, so a search reads them instead of
/// visiting every matching row: per category subtree, with or without stock (<c>product_counts</c>, sql/012, a sum of
/// 16 rows), and per gram, the total of a one- or two-character term searched alone (<c>gram_counts</c>, sql/014).
/// Price filters, and text combined with anything, are not in the aggregates; those totals are counted.
/// </summary>
internal static class MaintainedTotals
{
    /// <summary>The number of products in the catalog (key 0 of the category counts; category ids start at 1).</summary>
    public const string CatalogSql = "SELECT coalesce(sum(products), 0)::bigint FROM product_counts WHERE category_id = 0";

    /// <param name="criteria">The search.</param>
    /// <param name="categoryPlaceholder">The SQL parameter that holds the category id, when the search has one.</param>
    /// <param name="gramPlaceholder">The SQL parameter that holds the folded term, when it is looked up among the grams.</param>
    /// <returns>The total's SQL, or null when no aggregate can answer this search.</returns>
    public static string? Sql(ProductSearchCriteria criteria, string? categoryPlaceholder, string? gramPlaceholder)
    {
        if (criteria.MinPrice is not null || criteria.MaxPrice is not null)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(criteria.Text))
        {
            return gramPlaceholder is not null && criteria is { CategoryId: null, InStock: null }
                ? $"SELECT coalesce(sum(products), 0)::bigint FROM gram_counts WHERE gram = {gramPlaceholder}"
                : null;
        }

        // A category id below 1 names no category, so its filter matches nothing; as a key, 0 would count everything.
        if (criteria.CategoryId is < 1)
        {
            return null;
        }

        var column = criteria.InStock switch
        {
            null => "products",
            true => "in_stock",
            false => "products - in_stock",
        };
        return $"SELECT coalesce(sum({column}), 0)::bigint FROM product_counts WHERE category_id = {categoryPlaceholder ?? "0"}";
    }
}
