using Npgsql;

namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// The maintained search totals against the product rows they count: per category (<c>product_counts</c>, sql/012),
/// per one- or two-character gram (<c>gram_counts</c>, sql/014), per root category and gram (<c>root_gram_counts</c>,
/// sql/019) and per price band (<c>price_counts</c>, sql/015), and the units reserved per stripe
/// (<c>reserved_units</c>, sql/016). The audit reports every key and stripe whose counts differ from what the rows
/// give (the tables' <c>_expected</c> views), and the rebuild rewrites exactly those. A key that no row counts under
/// any more must hold zeros.
/// </summary>
public static class ProductCountChecks
{
    /// <summary>A counts table: its key columns, its count columns, and how a violation names a key.</summary>
    private sealed record CountTable(string Name, string[] Keys, string Label, string[] Counts, Func<NpgsqlDataReader, string> KeyText)
    {
        private string KeyList => string.Join(", ", Keys);

        public string Differences =>
            $"""
            SELECT {string.Join(", ", Keys.Select(k => $"coalesce(e.{k}, c.{k})"))},
                   {string.Join(", ", Counts.Select(c => $"coalesce(c.{c}, 0), coalesce(e.{c}, 0)"))}
            FROM {Name}_expected e FULL JOIN {Name} c USING ({KeyList})
            WHERE {string.Join(" OR ", Counts.Select(c => $"coalesce(c.{c}, 0) <> coalesce(e.{c}, 0)"))}
            ORDER BY {string.Join(", ", Keys.Select((_, i) => i + 1))}
            """;

        public string Rewrite =>
            $"""
            WITH expected AS (SELECT * FROM {Name}_expected),
            written AS (
                INSERT INTO {Name} AS c ({KeyList}, {string.Join(", ", Counts)})
                SELECT {string.Join(", ", Keys.Concat(Counts).Select(c => "e." + c))}
                FROM expected e LEFT JOIN {Name} c USING ({KeyList})
                WHERE {string.Join(" OR ", Counts.Select(c => $"c.{c} IS DISTINCT FROM e.{c}"))}
                ON CONFLICT ({KeyList}) DO UPDATE SET {string.Join(", ", Counts.Select(c => $"{c} = EXCLUDED.{c}"))}
                RETURNING 1),
            cleared AS (
                UPDATE {Name} c SET {string.Join(", ", Counts.Select(c => c + " = 0"))}
                WHERE ({string.Join(" OR ", Counts.Select(c => $"c.{c} <> 0"))})
                  AND NOT EXISTS (SELECT 1 FROM expected e WHERE {string.Join(" AND ", Keys.Select(k => $"e.{k} = c.{k}"))})
                RETURNING 1)
            SELECT (SELECT count(*) FROM written) + (SELECT count(*) FROM cleared)
            """;

        public string Violation(NpgsqlDataReader row)
        {
            var first = Keys.Length;
            var counts = Counts.Select((c, i) => $"{c.Replace('_', ' ')} {row.GetInt64(first + (2 * i))} rows {row.GetInt64(first + 1 + (2 * i))}");
            return $"{Label} equal the rows: {KeyText(row)}: {string.Join(", ", counts)}";
        }
    }

    private static readonly CountTable[] Tables =
    [
        new("product_counts", ["category_id", "stripe"], "product counts", ["products", "in_stock"],
            row => (row.GetInt64(0) == 0 ? "all products" : $"category {row.GetInt64(0)}") + $", stripe {row.GetInt16(1)}"),
        new("gram_counts", ["gram", "id_range", "stripe"], "gram counts", ["products"],
            row => $"gram '{row.GetString(0)}', id range {row.GetInt32(1)}, stripe {row.GetInt16(2)}"),
        new("root_gram_counts", ["category_root", "gram", "stripe"], "root gram counts", ["products"],
            row => $"root {row.GetInt64(0)}, gram '{row.GetString(1)}', stripe {row.GetInt16(2)}"),
        new("price_counts", ["band"], "price counts", ["products"], row => $"band from {row.GetDecimal(0):0.00}"),
        new("reserved_units", ["stripe"], "reserved units", ["units"], row => $"stripe {row.GetInt16(0)}"),
    ];

    /// <summary>One violation per key and stripe whose counts differ from the rows.</summary>
    public static async Task<List<string>> ViolationsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        foreach (var table in Tables)
        {
            await using var command = new NpgsqlCommand(table.Differences, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                violations.Add(table.Violation(reader));
            }
        }

        return violations;
    }

    /// <summary>Rewrites the counts that differ from the rows; returns how many key stripes it rewrote.</summary>
    public static async Task<int> RewriteAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var rewritten = 0;
        foreach (var table in Tables)
        {
            await using var command = new NpgsqlCommand(table.Rewrite, connection);
            rewritten += (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return rewritten;
    }
}
