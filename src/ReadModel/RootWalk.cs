namespace Commerce.ReadModel;

/// <summary>
/// A walk of a top-level category's tree in id order (<see cref="RootSubtree.Walk"/>).
/// </summary>
/// <param name="Where">The filter the walk tests on each product of the tree.</param>
/// <param name="TreeSql">How many products the tree holds; NULL when the category is not a root whose products carry its current path.</param>
/// <param name="IndexOnly">Whether the filter is the root alone, which the index answers without the table.</param>
internal sealed record RootWalk(string Where, string TreeSql, bool IndexOnly)
{
    /// <summary>
    /// The page: the ids the walk of the (<c>category_root</c>, id) b-tree reaches, then their rows. Selecting only the
    /// ids lets a walk with no other condition read the index alone (a page at offset 9,000 of a tree of 9,378 in about
    /// 1.5 ms); and were the planner to sort the tree rather than walk it, as it does past about half of it, it sorts
    /// ids, not whole rows (which spilled to disk: 185 ms for a page at offset 5,000 of that tree; docs/PERFORMANCE.md).
    /// </summary>
    public string PageSql(int limit, long offset) =>
        $"SELECT {ProductRows.Columns} FROM products WHERE id IN " +
        $"(SELECT id FROM products{Where} ORDER BY category_root, id LIMIT {limit} OFFSET {offset}) ORDER BY id";
}
