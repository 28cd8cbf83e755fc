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
/// Each re-projection locks the product rows it will change and moves their root gram counters (sql/019) between
/// roots itself, in one upsert in key order, before it updates the rows, whose row trigger leaves them to it (sql/021):
/// per product, out of key order across products, that trigger deadlocked with product writes (sql/020), and it updated
/// each shared counter once per product of a moved tree (253 s for a root tree of 9,252 products).
/// </summary>
public sealed class ProductCategoryPaths(NpgsqlDataSource database)
{
    /// <summary>The products whose path differs from their category's row, with that row's path.</summary>
    private const string StaleAll =
        """
        SELECT p.id, p.category_id, coalesce(c.path, '{}') AS path
        FROM products p LEFT JOIN categories c ON c.id = p.category_id
        WHERE p.category_path IS DISTINCT FROM coalesce(c.path, '{}')
        """;

    /// <summary>After the products' paths were re-projected, and at the end of the read-table rebuild (inside its lock).</summary>
    internal const string MarkAllCurrent = "UPDATE categories SET product_paths_current = true WHERE NOT product_paths_current";

    /// <summary>The products of the subtree of $1 whose path differs from their category's row, with that row's path.</summary>
    private const string StaleInSubtree =
        """
        SELECT p.id, p.category_id, c.path
        FROM products p JOIN categories c ON p.category_id = c.id
        WHERE c.path @> ARRAY[$1::bigint] AND p.category_path <> c.path
        """;

    /// <summary>After a move of <paramref name="categoryId"/>, whose subtree's category rows already carry their new paths.</summary>
    public async Task ResyncSubtreeAsync(long categoryId, CancellationToken cancellationToken = default)
    {
        await ResyncAsync(StaleInSubtree, categoryId, cancellationToken);
        await using var current = database.CreateCommand(
            "UPDATE categories SET product_paths_current = true WHERE path @> ARRAY[$1::bigint] AND NOT product_paths_current");
        current.Parameters.Add(new() { Value = categoryId });
        await current.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sets every product row's path that differs from its category's row; returns how many were wrong.</summary>
    public async Task<int> ResyncAllAsync(CancellationToken cancellationToken = default)
    {
        var repaired = await ResyncAsync(StaleAll, null, cancellationToken);
        await using var current = database.CreateCommand(MarkAllCurrent);
        await current.ExecuteNonQueryAsync(cancellationToken);
        return repaired;
    }

    /// <summary>
    /// Sets the path of the rows <paramref name="staleSql"/> names (id, category id, path) in one transaction: locks
    /// them in id order, skipping a row whose category changed meanwhile (its own write read its path), moves their
    /// root gram counters between roots in one upsert in key order, and updates them. A product write takes the root
    /// gram counters first and in key order too (sql/020), so the two cannot deadlock.
    /// </summary>
    private async Task<int> ResyncAsync(string staleSql, long? categoryId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var countedHere = new NpgsqlCommand(
            "SELECT set_config('commerce.root_gram_counts_by_statement', 'on', true)", connection, transaction))
        {
            await countedHere.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var update = new NpgsqlCommand(
            $"""
            WITH stale AS ({staleSql}),
            moving AS (
                SELECT p.id, p.search_grams, s.path, p.category_root AS old_root, s.path[1] AS new_root
                FROM products p JOIN stale s ON s.id = p.id
                WHERE p.category_id IS NOT DISTINCT FROM s.category_id AND p.category_path IS DISTINCT FROM s.path
                ORDER BY p.id
                FOR UPDATE OF p),
            counted AS (
                INSERT INTO root_gram_counts AS k (category_root, gram, stripe, products)
                SELECT d.root, d.gram, d.stripe, sum(d.products)
                FROM (SELECT m.old_root AS root, g AS gram, (m.id % 4)::smallint AS stripe, -1 AS products
                      FROM moving m, unnest(m.search_grams) AS g
                      WHERE m.old_root IS NOT NULL AND m.old_root IS DISTINCT FROM m.new_root
                      UNION ALL
                      SELECT m.new_root, g, (m.id % 4)::smallint, 1
                      FROM moving m, unnest(m.search_grams) AS g
                      WHERE m.new_root IS NOT NULL AND m.old_root IS DISTINCT FROM m.new_root) d
                GROUP BY d.root, d.gram, d.stripe
                HAVING sum(d.products) <> 0
                ORDER BY d.root, d.gram, d.stripe
                ON CONFLICT (category_root, gram, stripe) DO UPDATE SET products = k.products + EXCLUDED.products)
            UPDATE products p SET category_path = m.path
            FROM moving m
            WHERE p.id = m.id
            """, connection, transaction);
        if (categoryId is { } id)
        {
            update.Parameters.Add(new() { Value = id });
        }

        var changed = await update.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }
}
