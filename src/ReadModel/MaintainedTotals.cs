namespace Commerce.ReadModel;

/// <summary>
/// The exact total of a search that filters by nothing but a category subtree and stock, read from the counts that
/// the product row writes keep in the same transaction (<c>product_counts</c>, sql/012), so it costs a sum of 16 rows
/// instead of a visit to every matching row. Text and price filters are not in the aggregate; those totals are
/// counted.
/// </summary>
internal static class MaintainedTotals
{
    /// <summary>The key of the whole catalog. Category ids start at 1.</summary>
    private const string AllProducts = "0";

    /// <param name="criteria">The search.</param>
    /// <param name="categoryPlaceholder">The SQL parameter that holds the category id, when the search has one.</param>
    /// <returns>The total's SQL, or null when the aggregate cannot answer this search.</returns>
    public static string? Sql(ProductSearchCriteria criteria, string? categoryPlaceholder)
    {
        // A category id below 1 names no category, so its filter matches nothing; as a key, 0 would count everything.
        if (!string.IsNullOrEmpty(criteria.Text) || criteria.MinPrice is not null || criteria.MaxPrice is not null
            || criteria.CategoryId is < 1)
        {
            return null;
        }

        var column = criteria.InStock switch
        {
            null => "products",
            true => "in_stock",
            false => "products - in_stock",
        };
        return $"SELECT coalesce(sum({column}), 0)::bigint FROM product_counts WHERE category_id = {categoryPlaceholder ?? AllProducts}";
    }
}
