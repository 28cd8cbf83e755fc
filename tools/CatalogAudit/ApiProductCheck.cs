using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;

namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// Asks the running API for every product and compares the answer (the grain's state in memory) with its read row,
/// so an activation whose memory drifted from what it stored shows up. A write may land between the two reads;
/// only a difference that stays after reading the row again is reported.
/// </summary>
internal sealed class ApiProductCheck(HttpClient api, NpgsqlConnection connection)
{
    public async Task<List<string>> RunAsync(IEnumerable<ProductRow> rows, CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        foreach (var row in rows.OrderBy(r => r.Id))
        {
            if (await CompareAsync(row, cancellationToken) is not null && await RecheckAsync(row.Id, cancellationToken) is { } difference)
            {
                violations.Add($"GET equals row: product {row.Id}: {difference}");
            }
        }

        return violations;
    }

    private async Task<string?> RecheckAsync(long id, CancellationToken cancellationToken)
    {
        var rows = await ReadTablesQuery.ProductsAsync(connection, cancellationToken, id);
        return rows.TryGetValue(id, out var row) ? await CompareAsync(row, cancellationToken) : null;
    }

    private async Task<string?> CompareAsync(ProductRow row, CancellationToken cancellationToken)
    {
        using var response = await api.GetAsync(new Uri($"api/v1/products/{row.Id}", UriKind.Relative), cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"GET answered {(int)response.StatusCode}";
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var got = json.RootElement;
        var categoryId = got.GetProperty("category_id");
        var differences = new FieldDifferences("row", "get")
            .Add("title", row.Title, Text(got, "title"))
            .Add("description", row.Description, Text(got, "description"))
            .Add("image_url", row.ImageUrl, Text(got, "image_url"))
            .Add("sku", row.Sku, Text(got, "sku"))
            .Add("price", row.Price.ToString("0.00", CultureInfo.InvariantCulture), Text(got, "price"))
            .Add("category_id", row.CategoryId, categoryId.ValueKind == JsonValueKind.Null ? null : categoryId.GetInt64())
            .Add("created_at", Time(row.CreatedAt), Text(got, "created_at"))
            .Add("updated_at", Time(row.UpdatedAt), Text(got, "updated_at"))
            .Add("version", $"\"{row.Version}\"", response.Headers.ETag?.Tag)
            .ToList();
        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    private static string? Text(JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
