using Npgsql;

namespace Commerce.Grains.Products;

/// <summary>
/// Re-projects the <c>category_path</c> of product rows from the categories table, for the tree grain after it
/// moves a subtree, and after a failure or on a new activation (a crash may fall between a move's category rows and
/// this). Product writes read the path from the categories table themselves (<see cref="ProductReadRow.Upsert"/>).
/// A product row that changes its category while a statement runs is left alone: the statement re-checks the
/// category id on the row version it updates, and that version's own write read its path.
/// Once the products' statement committed, the categories it re-projected are marked current again
/// (<c>product_paths_current</c>, sql/017), which lets a search of a root category use the indexes that lead with
/// the root (RootSubtree).
/// Marking in a later statement keeps the lock order of product writes (category row, then product row).
/// </summary>
public sealed class ProductCategoryPaths(NpgsqlDataSource database)
{
    /// <summary>The statement that sets every product row's path from the categories table (the rebuild's too).</summary>
    internal const string ResyncAll =
        """
        WITH expected AS (
            SELECT p.id, p.category_id, coalesce(c.path, '{}') AS path
            FROM products p LEFT JOIN categories c ON c.id = p.category_id
            WHERE p.category_path IS DISTINCT FROM coalesce(c.path, '{}'))
        UPDATE products p SET category_path = expected.path
        FROM expected
        WHERE p.id = expected.id AND p.category_id IS NOT DISTINCT FROM expected.category_id
        """;

    /// <summary>After <see cref="ResyncAll"/> committed, and at the end of the read-table rebuild (inside its lock).</summary>
    internal const string MarkAllCurrent = "UPDATE categories SET product_paths_current = true WHERE NOT product_paths_current";

    /// <summary>After a move of <paramref name="categoryId"/>, whose subtree's category rows already carry their new paths.</summary>
    public async Task ResyncSubtreeAsync(long categoryId, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            UPDATE products p SET category_path = c.path
            FROM categories c
            WHERE c.path @> ARRAY[$1::bigint] AND p.category_id = c.id AND p.category_path <> c.path
            """);
        command.Parameters.Add(new() { Value = categoryId });
        await command.ExecuteNonQueryAsync(cancellationToken);
        await using var current = database.CreateCommand(
            "UPDATE categories SET product_paths_current = true WHERE path @> ARRAY[$1::bigint] AND NOT product_paths_current");
        current.Parameters.Add(new() { Value = categoryId });
        await current.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sets every product row's path that differs from its category's row; returns how many were wrong.</summary>
    public async Task<int> ResyncAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(ResyncAll);
        var repaired = await command.ExecuteNonQueryAsync(cancellationToken);
        await using var current = database.CreateCommand(MarkAllCurrent);
        await current.ExecuteNonQueryAsync(cancellationToken);
        return repaired;
    }
}
