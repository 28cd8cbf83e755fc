using Npgsql;

namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// The word searches' copy of the product rows (<c>product_texts</c>, sql/024: root category, price and search text
/// per product) against the rows it copies (its <c>_expected</c> view). The audit reports every product whose copy
/// is missing or differs and every copy of no product; the rebuild rewrites exactly those.
/// </summary>
public static class ProductTextChecks
{
    /// <summary>A copy <c>t</c> that differs from what its row <c>e</c> says.</summary>
    private const string Differs = "(t.category_root, t.price, t.search_text) IS DISTINCT FROM (e.category_root, e.price, e.search_text)";

    private const string Differences =
        $"""
        SELECT coalesce(e.id, t.id), e.id IS NULL, t.id IS NULL,
               t.category_root, e.category_root, t.price, e.price, t.search_text, e.search_text
        FROM product_texts_expected e FULL JOIN product_texts t ON t.id = e.id
        WHERE e.id IS NULL OR t.id IS NULL OR {Differs}
        ORDER BY 1
        """;

    private const string Rewrite =
        $"""
        WITH written AS (
            INSERT INTO product_texts AS t (id, category_root, price, search_text)
            SELECT e.id, e.category_root, e.price, e.search_text
            FROM product_texts_expected e LEFT JOIN product_texts t ON t.id = e.id
            WHERE t.id IS NULL OR {Differs}
            ON CONFLICT (id) DO UPDATE
            SET category_root = EXCLUDED.category_root, price = EXCLUDED.price, search_text = EXCLUDED.search_text
            RETURNING 1),
        removed AS (
            DELETE FROM product_texts t WHERE NOT EXISTS (SELECT 1 FROM product_texts_expected e WHERE e.id = t.id)
            RETURNING 1)
        SELECT (SELECT count(*) FROM written) + (SELECT count(*) FROM removed)
        """;

    /// <summary>One violation per product whose copy is missing or differs, and per copy of no product.</summary>
    public static async Task<List<string>> ViolationsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        await using var command = new NpgsqlCommand(Differences, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            var what = reader.GetBoolean(1) ? "copy of no product row"
                : reader.GetBoolean(2) ? "missing"
                : string.Join("; ", Fields(reader));
            violations.Add($"text copy equals the product row: product {id}: {what}");
        }

        return violations;
    }

    /// <summary>Rewrites the copies that are missing or differ and deletes those of no product; returns how many.</summary>
    public static async Task<int> RewriteAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Rewrite, connection);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static IEnumerable<string> Fields(NpgsqlDataReader row)
    {
        string Text(int column) => row.IsDBNull(column) ? "null" : Convert.ToString(row.GetValue(column), System.Globalization.CultureInfo.InvariantCulture)!;
        foreach (var (name, column) in new[] { ("category_root", 3), ("price", 5), ("search_text", 7) })
        {
            if (Text(column) != Text(column + 1))
            {
                yield return $"{name} copy='{Text(column)}' row='{Text(column + 1)}'";
            }
        }
    }
}
