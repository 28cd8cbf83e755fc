using Npgsql;

namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// Where the read tables differ from the rows grain state projects to: rows missing or wrong (with what is wrong),
/// and rows of no resource. The audit reports these; the rebuild rewrites exactly these rows.
/// </summary>
public sealed class ReadTableDifferences
{
    private ReadTableDifferences()
    {
    }

    /// <summary>Expected product rows that are missing or differ, with what differs ("missing" when absent).</summary>
    public List<(ProductRow Expected, string What)> ProductsToWrite { get; } = [];

    /// <summary>Expected category rows that are missing or differ.</summary>
    public List<(CategoryRow Expected, string What)> CategoriesToWrite { get; } = [];

    /// <summary>Product rows whose id has no existing product state.</summary>
    public List<long> ProductsWithoutState { get; } = [];

    /// <summary>Category rows whose id has no category in the tree (no state, under an unfinished delete, or cut off).</summary>
    public List<long> CategoriesWithoutState { get; } = [];

    /// <summary>Existing categories the tree leaves out (missing parent or cycle): no path, so no row can be written.</summary>
    public List<long> CategoriesOutsideTree { get; } = [];

    public bool IsEmpty => ProductsToWrite.Count + CategoriesToWrite.Count + ProductsWithoutState.Count + CategoriesWithoutState.Count == 0;

    /// <summary>Compares <paramref name="stored"/> state with the read tables as <paramref name="connection"/> sees them.</summary>
    public static async Task<ReadTableDifferences> FindAsync(StoredCatalog stored, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var differences = new ReadTableDifferences();
        var tree = stored.Tree();
        var productRows = await ReadTablesQuery.ProductsAsync(connection, cancellationToken);
        foreach (var (id, state) in stored.Products.OrderBy(p => p.Key))
        {
            // The product's category path is its category's path in the tree: what that category's row must show.
            IReadOnlyList<long> categoryPath = state.CategoryId is { } category && tree.Contains(category) ? tree.PathOf(category) : [];
            var expected = ProductRow.Of(id, state, categoryPath);
            if (Compare(productRows.GetValueOrDefault(id), expected, expected.DifferencesFrom) is { } what)
            {
                differences.ProductsToWrite.Add((expected, what));
            }
        }

        differences.ProductsWithoutState.AddRange(productRows.Keys.Where(id => !stored.Products.ContainsKey(id)).Order());

        var categoryRows = await ReadTablesQuery.CategoriesAsync(connection, cancellationToken);
        foreach (var id in tree.Ids.Order())
        {
            var expected = CategoryRow.Of(id, stored.Categories[id], tree.PathOf(id));
            if (Compare(categoryRows.GetValueOrDefault(id), expected, expected.DifferencesFrom) is { } what)
            {
                differences.CategoriesToWrite.Add((expected, what));
            }
        }

        differences.CategoriesWithoutState.AddRange(categoryRows.Keys.Where(id => !tree.Contains(id)).Order());
        var deleting = stored.PendingDeletes.SelectMany(d => d.CategoryIds).ToHashSet();
        differences.CategoriesOutsideTree.AddRange(stored.Categories.Keys.Where(id => !tree.Contains(id) && !deleting.Contains(id)).Order());
        return differences;
    }

    private static string? Compare<TRow>(TRow? stored, TRow expected, Func<TRow, IReadOnlyList<string>> differencesFrom)
        where TRow : class =>
        stored is null ? "missing" : differencesFrom(stored) is { Count: > 0 } fields ? string.Join("; ", fields) : null;
}
