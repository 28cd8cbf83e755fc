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
/// Each re-projection first locks the product rows it will change and then, in key order, the root gram counters
/// (sql/019, sql/020) that their new paths move between roots: the row triggers would take those one product at a
/// time, out of key order across products, and deadlock with a product write that takes them in key order.
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

    /// <summary>The products whose path differs from their category's row in the subtree of $1, with that row's path.</summary>
    private const string SubtreeStale =
        """
        SELECT p.id, c.path
        FROM products p JOIN categories c ON p.category_id = c.id
        WHERE c.path @> ARRAY[$1::bigint] AND p.category_path <> c.path
        """;

    /// <summary>After a move of <paramref name="categoryId"/>, whose subtree's category rows already carry their new paths.</summary>
    public async Task ResyncSubtreeAsync(long categoryId, CancellationToken cancellationToken = default)
    {
        await ResyncAsync(
            SubtreeStale,
            """
            UPDATE products p SET category_path = c.path
            FROM categories c
            WHERE c.path @> ARRAY[$1::bigint] AND p.category_id = c.id AND p.category_path <> c.path
            """,
            categoryId,
            cancellationToken);
        await using var current = database.CreateCommand(
            "UPDATE categories SET product_paths_current = true WHERE path @> ARRAY[$1::bigint] AND NOT product_paths_current");
        current.Parameters.Add(new() { Value = categoryId });
        await current.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sets every product row's path that differs from its category's row; returns how many were wrong.</summary>
    public async Task<int> ResyncAllAsync(CancellationToken cancellationToken = default)
    {
        var repaired = await ResyncAsync(
            "SELECT p.id, coalesce(c.path, '{}') AS path FROM products p LEFT JOIN categories c ON c.id = p.category_id " +
            "WHERE p.category_path IS DISTINCT FROM coalesce(c.path, '{}')",
            ResyncAll,
            null,
            cancellationToken);
        await using var current = database.CreateCommand(MarkAllCurrent);
        await current.ExecuteNonQueryAsync(cancellationToken);
        return repaired;
    }

    /// <summary>
    /// In one transaction: locks the rows <paramref name="staleSql"/> names (id, new path) in id order, then the root
    /// gram counters that moving them between roots writes, in key order (an upsert that changes nothing), then runs
    /// <paramref name="updateSql"/>, whose row triggers find those counters already held.
    /// </summary>
    private async Task<int> ResyncAsync(string staleSql, string updateSql, long? categoryId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var counters = new NpgsqlCommand(
            $"""
            WITH stale AS ({staleSql}),
            moving AS (
                SELECT p.id, p.search_grams, p.category_root AS old_root, s.path[1] AS new_root
                FROM products p JOIN stale s ON s.id = p.id
                ORDER BY p.id
                FOR UPDATE OF p)
            INSERT INTO root_gram_counts AS k (category_root, gram, stripe, products)
            SELECT DISTINCT r.root, g.gram, (m.id % 4)::smallint, 0
            FROM moving m, unnest(m.search_grams) AS g (gram), unnest(ARRAY[m.old_root, m.new_root]) AS r (root)
            WHERE m.old_root IS DISTINCT FROM m.new_root AND r.root IS NOT NULL
            ORDER BY 1, 2, 3
            ON CONFLICT (category_root, gram, stripe) DO UPDATE SET products = k.products
            """, connection, transaction))
        {
            if (categoryId is { } id)
            {
                counters.Parameters.Add(new() { Value = id });
            }

            await counters.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var update = new NpgsqlCommand(updateSql, connection, transaction);
        if (categoryId is { } category)
        {
            update.Parameters.Add(new() { Value = category });
        }

        var changed = await update.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }
}
