using System.Globalization;

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
    /// The ids of the matches: <paramref name="rootWhere"/> on <paramref name="rootTable"/> (products, or the word's
    /// copy, <see cref="ProductTexts"/>) when the category is a root with current product paths, else
    /// <paramref name="where"/> on products. A missing category takes <paramref name="where"/>, like any non-root.
    /// </summary>
    public static string Matches(string rootTable, string rootWhere, string where, string categoryPlaceholder)
    {
        var isRoot = IsCurrentRoot(categoryPlaceholder);
        return $"SELECT id FROM {rootTable}{rootWhere} AND {isRoot} UNION ALL SELECT id FROM products{where} AND NOT coalesce({isRoot}, false)";
    }

    /// <summary>
    /// A walk of a root's tree on the b-tree on (<c>category_root</c>, id) (sql/023), which reads only the tree's
    /// products, in id order: about (offset + limit) × tree ÷ matches rows, where a walk of the primary key reads as
    /// many of the whole catalog. The root is written as a range of literals. With <c>category_root = R</c> the planner
    /// takes the primary key for the id order, pricing the other index's heap visits as random, and walks the catalog
    /// (12 ms for a letter at offset 1,000 in a tree of 9,000 products, against 1-4 ms); with a parameter, its generic
    /// plan collects and sorts the whole tree. A term is tested with = ANY, which the GIN indexes cannot answer, so that
    /// no plan of the prepared statement ANDs the term's bitmap instead.
    /// </summary>
    /// <param name="root">The category id, written into the statement.</param>
    /// <param name="conditions">The search's conditions, the category's path condition at <paramref name="categoryCondition"/>.</param>
    /// <param name="categoryCondition">Where the category's condition is among <paramref name="conditions"/>.</param>
    /// <param name="categoryPlaceholder">The SQL parameter that holds the category id.</param>
    /// <param name="gramPlaceholder">The SQL parameter that holds a short term, whose condition is the first, or null.</param>
    public static RootWalk Walk(long root, IReadOnlyList<string> conditions, int categoryCondition, string categoryPlaceholder, string? gramPlaceholder)
    {
        var walk = conditions.ToList();
        var id = root.ToString(CultureInfo.InvariantCulture);
        walk[categoryCondition] = $"category_root >= {id} AND category_root <= {id}";
        if (gramPlaceholder is not null)
        {
            walk[0] = $"{gramPlaceholder}::text = ANY (search_grams)";
        }

        var isRoot = IsCurrentRoot(categoryPlaceholder);
        return new RootWalk(
            $" WHERE {string.Join(" AND ", walk)} AND {isRoot}",
            $"SELECT CASE WHEN {isRoot} THEN (SELECT coalesce(sum(products), 0)::bigint FROM product_counts WHERE category_id = {categoryPlaceholder}) END",
            IndexOnly: walk.Count == 1);
    }

    /// <summary>
    /// True when the category is a root whose products all carry its current path, false for any other category,
    /// NULL when there is no such category; read in the snapshot of the statement it is part of.
    /// </summary>
    public static string IsCurrentRoot(string categoryPlaceholder) =>
        $"(SELECT parent_id IS NULL AND product_paths_current FROM categories WHERE id = {categoryPlaceholder})";
}
