namespace Commerce.ReadModel;

/// <summary>
/// A category filter beside a price range or a text term, answered for a top-level category by the indexes that lead
/// with <c>category_root</c>, the path's first element: the b-tree on (<c>category_root</c>, price, id) (sql/017)
/// reads a root's price range as one range of index entries, without the heap where the last vacuum allows, and the
/// text GIN indexes on (<c>category_root</c>, term) (sql/018) intersect the term's entries with the root's in one scan.
/// With the path instead, the GIN index on it hands over every product of the tree (a root tree is 8% of the
/// catalog) to be visited for its price or ANDed whole with the term's. "The category is on the path" equals "the
/// path starts with it" only for a root whose products all carry its current path, which its row says
/// (<c>product_paths_current</c>); the statement asks that row in its own snapshot and runs one of two branches, the
/// other never starts. Any other category, or a root whose products are being re-projected after a move, takes the
/// path's GIN index as before.
/// </summary>
internal static class RootSubtree
{
    /// <summary>Whether a search takes the two branches: a category and a price range or a text term.</summary>
    public static bool Applies(ProductSearchCriteria criteria) =>
        criteria.CategoryId is not null && (!string.IsNullOrEmpty(criteria.Text) || (criteria.MinPrice ?? criteria.MaxPrice) is not null);

    /// <summary>The condition that replaces <c>category_path @&gt; ARRAY[id]</c> in the root branch.</summary>
    /// <remarks>The type is spelled out: btree_gin's operator class holds bigint = bigint, not a cross-type equality.</remarks>
    public static string Condition(string categoryPlaceholder) => $"category_root = {categoryPlaceholder}::bigint";

    /// <summary>
    /// The ids of the matches: <paramref name="rootWhere"/> when the category is a root with current product paths,
    /// else <paramref name="where"/>. A missing category takes <paramref name="where"/>, like any non-root.
    /// </summary>
    public static string Matches(string rootWhere, string where, string categoryPlaceholder)
    {
        var isRoot = IsCurrentRoot(categoryPlaceholder);
        return $"SELECT id FROM products{rootWhere} AND {isRoot} UNION ALL SELECT id FROM products{where} AND NOT coalesce({isRoot}, false)";
    }

    /// <summary>
    /// True when the category is a root whose products all carry its current path, false for any other category,
    /// NULL when there is no such category; read in the snapshot of the statement it is part of.
    /// </summary>
    public static string IsCurrentRoot(string categoryPlaceholder) =>
        $"(SELECT parent_id IS NULL AND product_paths_current FROM categories WHERE id = {categoryPlaceholder})";
}
