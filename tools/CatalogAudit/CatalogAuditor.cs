using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;

namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// Checks a catalog database for broken invariants: the category tree (no cycle, no level over 100, every path
/// equal to its parent chain), unique sibling names and SKUs, no product linked to a missing category, and,
/// given the API, that every product's GET (the grain's state) equals its row in the read table.
/// Run it on a quiet system: a write landing between the row read and the GET shows up as a difference.
/// </summary>
public sealed class CatalogAuditor(string connectionString, HttpClient? api = null)
{
    private static readonly (string Rule, string Sql)[] TableChecks =
    [
        ("path matches parent chain",
            "SELECT c.id::text FROM categories c LEFT JOIN categories p ON p.id = c.parent_id " +
            "WHERE (c.parent_id IS NULL AND c.path <> ARRAY[c.id]) OR (c.parent_id IS NOT NULL AND (p.id IS NULL OR c.path <> p.path || c.id))"),
        ("no cycle and level <= 100 along parent_id",
            "WITH RECURSIVE walk(id, next, depth) AS (SELECT id, parent_id, 1 FROM categories " +
            "UNION ALL SELECT w.id, c.parent_id, w.depth + 1 FROM walk w JOIN categories c ON c.id = w.next WHERE w.depth <= 101) " +
            "SELECT id::text || ' (depth ' || max(depth) || ')' FROM walk GROUP BY id HAVING max(depth) > 100"),
        ("level <= 100", "SELECT id::text FROM categories WHERE cardinality(path) > 100"),
        ("sibling names unique",
            "SELECT coalesce(parent_id::text, 'root') || ': ' || string_agg(id::text, ', ') FROM categories " +
            "GROUP BY parent_id, lower(normalize(btrim(name), NFC)) HAVING count(*) > 1"),
        ("sibling name keys unique",
            "SELECT coalesce(parent_id::text, 'root') || ': ' || string_agg(id::text, ', ') FROM categories GROUP BY parent_id, name_key HAVING count(*) > 1"),
        ("SKUs unique", "SELECT upper(sku) || ': ' || string_agg(id::text, ', ') FROM products GROUP BY upper(sku) HAVING count(*) > 1"),
        ("product category exists",
            "SELECT p.id::text || ' -> ' || p.category_id FROM products p LEFT JOIN categories c ON c.id = p.category_id " +
            "WHERE p.category_id IS NOT NULL AND c.id IS NULL"),
    ];

    /// <summary>Every violation found, as "rule: what"; empty when the catalog is sound.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken = default)
    {
        var violations = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var (rule, sql) in TableChecks)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                violations.Add($"{rule}: {reader.GetString(0)}");
            }
        }

        if (api is not null)
        {
            foreach (var row in await ReadProductsAsync(connection, null, cancellationToken))
            {
                if (await CompareAsync(row, cancellationToken) is not null
                    && await RecheckAsync(connection, row.Id, cancellationToken) is { } difference)
                {
                    violations.Add($"GET equals row: product {row.Id}: {difference}");
                }
            }
        }

        return violations;
    }

    private async Task<string?> RecheckAsync(NpgsqlConnection connection, long id, CancellationToken cancellationToken)
    {
        // A write may have landed between the two reads; only a difference that stays is a violation.
        var rows = await ReadProductsAsync(connection, id, cancellationToken);
        return rows.Count == 0 ? null : await CompareAsync(rows[0], cancellationToken);
    }

    private async Task<string?> CompareAsync(ProductRow row, CancellationToken cancellationToken)
    {
        using var response = await api!.GetAsync(new Uri($"api/v1/products/{row.Id}", UriKind.Relative), cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"GET answered {(int)response.StatusCode}";
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var got = json.RootElement;
        var differences = new List<string>();
        void Check(string field, string? expected, string? actual)
        {
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                differences.Add($"{field} row={expected ?? "null"} get={actual ?? "null"}");
            }
        }

        Check("title", row.Title, Text(got, "title"));
        Check("description", row.Description, Text(got, "description"));
        Check("image_url", row.ImageUrl, Text(got, "image_url"));
        Check("sku", row.Sku, Text(got, "sku"));
        Check("price", row.Price.ToString("0.00", CultureInfo.InvariantCulture), Text(got, "price"));
        Check("category_id", row.CategoryId?.ToString(CultureInfo.InvariantCulture),
            got.GetProperty("category_id").ValueKind == JsonValueKind.Null ? null : got.GetProperty("category_id").GetInt64().ToString(CultureInfo.InvariantCulture));
        Check("created_at", Time(row.CreatedAt), Text(got, "created_at"));
        Check("updated_at", Time(row.UpdatedAt), Text(got, "updated_at"));
        Check("version", $"\"{row.Version}\"", response.Headers.ETag?.Tag);
        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    private static string? Text(JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static async Task<List<ProductRow>> ReadProductsAsync(NpgsqlConnection connection, long? id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, title, description, image_url, sku, price, category_id, created_at, updated_at, version FROM products " +
            "WHERE $1::bigint IS NULL OR id = $1 ORDER BY id", connection);
        command.Parameters.Add(new() { Value = (object?)id ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        var rows = new List<ProductRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ProductRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.GetDecimal(5), reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8), reader.GetInt64(9)));
        }

        return rows;
    }

    private sealed record ProductRow(
        long Id, string Title, string Description, string? ImageUrl, string Sku, decimal Price, long? CategoryId,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version);
}
