using Npgsql;

namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// The maintained search totals (<c>product_counts</c>, sql/012) against the product rows they count: the audit
/// reports every key and stripe whose counts differ from what the rows give (<c>product_counts_expected</c>), and the
/// rebuild rewrites exactly those. A key's stripe that no row counts under any more must hold zeros.
/// </summary>
public static class ProductCountChecks
{
    private const string Differences =
        """
        SELECT coalesce(e.category_id, c.category_id), coalesce(e.stripe, c.stripe),
               coalesce(c.products, 0), coalesce(c.in_stock, 0), coalesce(e.products, 0), coalesce(e.in_stock, 0)
        FROM product_counts_expected e FULL JOIN product_counts c USING (category_id, stripe)
        WHERE coalesce(c.products, 0) <> coalesce(e.products, 0) OR coalesce(c.in_stock, 0) <> coalesce(e.in_stock, 0)
        ORDER BY 1, 2
        """;

    private const string Rewrite =
        """
        WITH expected AS (SELECT * FROM product_counts_expected),
        written AS (
            INSERT INTO product_counts AS c (category_id, stripe, products, in_stock)
            SELECT e.category_id, e.stripe, e.products, e.in_stock
            FROM expected e LEFT JOIN product_counts c USING (category_id, stripe)
            WHERE c.products IS DISTINCT FROM e.products OR c.in_stock IS DISTINCT FROM e.in_stock
            ON CONFLICT (category_id, stripe) DO UPDATE SET products = EXCLUDED.products, in_stock = EXCLUDED.in_stock
            RETURNING 1),
        cleared AS (
            UPDATE product_counts c SET products = 0, in_stock = 0
            WHERE (c.products <> 0 OR c.in_stock <> 0)
              AND NOT EXISTS (SELECT 1 FROM expected e WHERE e.category_id = c.category_id AND e.stripe = c.stripe)
            RETURNING 1)
        SELECT (SELECT count(*) FROM written) + (SELECT count(*) FROM cleared)
        """;

    /// <summary>One violation per key and stripe whose counts differ from the rows.</summary>
    public static async Task<List<string>> ViolationsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        await using var command = new NpgsqlCommand(Differences, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetInt64(0) == 0 ? "all products" : $"category {reader.GetInt64(0)}";
            violations.Add($"product counts equal the rows: {key}, stripe {reader.GetInt16(1)}: " +
                $"products {reader.GetInt64(2)} rows {reader.GetInt64(4)}, in stock {reader.GetInt64(3)} rows {reader.GetInt64(5)}");
        }

        return violations;
    }

    /// <summary>Rewrites the counts that differ from the rows; returns how many key stripes it rewrote.</summary>
    public static async Task<int> RewriteAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Rewrite, connection);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
