namespace Commerce.ReadModel;

/// <summary>
/// The exact totals that the product row writes keep in the same transaction, so a search reads them instead of
/// visiting every matching row: per category subtree, with or without stock (<c>product_counts</c>, sql/012, a sum of
/// 16 rows), per gram, the total of a one- or two-character term searched alone (<c>gram_counts</c>, sql/014), per
/// top-level category and gram, the total of such a term within a root's tree (<c>root_gram_counts</c>, sql/019), and
/// per price band, the total of a price range searched alone (<c>price_counts</c>, sql/015). Other combinations of
/// these filters are not in the aggregates; those totals are counted.
/// </summary>
internal static class MaintainedTotals
{
    /// <summary>The number of products in the catalog (key 0 of the category counts; category ids start at 1).</summary>
    public const string CatalogSql = "SELECT coalesce(sum(products), 0)::bigint FROM product_counts WHERE category_id = 0";

    /// <param name="criteria">The search.</param>
    /// <param name="categoryPlaceholder">The SQL parameter that holds the category id, when the search has one.</param>
    /// <param name="gramPlaceholder">The SQL parameter that holds the folded term, when it is looked up among the grams.</param>
    /// <param name="prices">The SQL parameters that hold the price bounds the search has.</param>
    /// <returns>The total's SQL, or null when no aggregate can answer this search.</returns>
    public static string? Sql(ProductSearchCriteria criteria, string? categoryPlaceholder, string? gramPlaceholder, PriceBounds prices)
    {
        if (criteria.MinPrice is not null || criteria.MaxPrice is not null)
        {
            return CountsPriceRange(criteria) ? PriceRangeSql(prices) : null;
        }

        if (!string.IsNullOrEmpty(criteria.Text))
        {
            if (gramPlaceholder is null || criteria.InStock is not null)
            {
                return null;
            }

            return categoryPlaceholder is null
                ? $"SELECT coalesce(sum(products), 0)::bigint FROM gram_counts WHERE gram = {gramPlaceholder}"
                : RootTermSql(categoryPlaceholder, gramPlaceholder);
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

    /// <summary>Whether the search is a price range alone, whose total the band counts give (with its bounds' cuts).</summary>
    public static bool CountsPriceRange(ProductSearchCriteria criteria) =>
        (criteria.MinPrice is not null || criteria.MaxPrice is not null)
        && string.IsNullOrEmpty(criteria.Text) && criteria is { CategoryId: null, InStock: null };

    /// <summary>
    /// The kept count of a term within a root's tree, or NULL when the category is not a root whose products carry its
    /// current path (only then is "within the tree" the same as "the row's <c>category_root</c> is the category").
    /// </summary>
    private static string RootTermSql(string categoryPlaceholder, string gramPlaceholder) =>
        $"SELECT CASE WHEN {RootSubtree.IsCurrentRoot(categoryPlaceholder)} THEN (SELECT coalesce(sum(products), 0)::bigint " +
        $"FROM root_gram_counts WHERE category_root = {categoryPlaceholder}::bigint AND gram = {gramPlaceholder}) END";

    /// <summary>
    /// count(price ≤ max) − count(price &lt; min), each the bands below the bound's band plus the rows of its own band
    /// up to the bound (an index-only count inside one band), the band's cut a parameter of its own. No upper bound:
    /// every band; no lower bound: nothing below it (prices are never negative).
    /// </summary>
    private static string PriceRangeSql(PriceBounds prices)
    {
        var atMost = prices.Max is { } max ? UpTo(Cut(prices.MaxCut), "<=", max) : "(SELECT coalesce(sum(products), 0) FROM price_counts)";
        var below = prices.Min is { } min ? $" - ({UpTo(Cut(prices.MinCut), "<", min)})" : string.Empty;
        return $"SELECT ({atMost}{below})::bigint";

        static string UpTo(string cut, string comparison, string bound) =>
            $"(SELECT coalesce(sum(products), 0) FROM price_counts WHERE band < {cut})" +
            $" + (SELECT count(*) FROM products WHERE price >= {cut} AND price {comparison} {bound})";
    }

    private static string Cut(string? placeholder) =>
        placeholder
        ?? throw new InvalidOperationException("A price range counted from the band counts needs its bounds' cuts (PriceBands.CutsAsync).");
}
