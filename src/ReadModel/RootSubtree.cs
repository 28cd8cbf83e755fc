namespace Commerce.ReadModel;

/// <summary>
/// A category filter with a price range, answered for a top-level category from the b-tree on (<c>category_root</c>,
/// price, id) (sql/017; <c>category_root</c> is the path's first element): one range of index entries, read without
/// the heap where the last vacuum allows, where the category path's GIN index hands over every product of the tree to
/// be visited for its price (a root tree is 8% of the catalog). "The category is on the path" equals "the path starts
/// with it" only for a root whose products all carry its current path, which its row says
/// (<c>product_paths_current</c>); the statement asks that row in its own snapshot and runs one of two branches, the
/// other never starts. Any other category, or a root whose products are being re-projected after a move, takes the
/// GIN index as before.
/// </summary>
internal static class RootSubtree
{
    /// <summary>Whether a search takes the two branches: a category and a price range, no text.</summary>
    public static bool Applies(ProductSearchCriteria criteria) =>
        criteria.CategoryId is not null && string.IsNullOrEmpty(criteria.Text) && (criteria.MinPrice ?? criteria.MaxPrice) is not null;

    /// <summary>The condition that replaces <c>category_path @&gt; ARRAY[id]</c> in the root branch.</summary>
    public static string Condition(string categoryPlaceholder) => $"category_root = {categoryPlaceholder}";

    /// <summary>
    /// The ids of the matches: <paramref name="rootWhere"/> when the category is a root with current product paths,
    /// else <paramref name="where"/>. A missing category takes <paramref name="where"/>, like any non-root.
    /// </summary>
    public static string Matches(string rootWhere, string where, string categoryPlaceholder)
    {
        var isRoot = $"(SELECT parent_id IS NULL AND product_paths_current FROM categories WHERE id = {categoryPlaceholder})";
        return $"SELECT id FROM products{rootWhere} AND {isRoot} UNION ALL SELECT id FROM products{where} AND NOT coalesce({isRoot}, false)";
    }
}
