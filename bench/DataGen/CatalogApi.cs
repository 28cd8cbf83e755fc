using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commerce.Grains.Interfaces.Products;

namespace Commerce.Bench.DataGen;

/// <summary>
/// The few REST calls the loader makes. A 503 (the service is briefly over capacity or a silo is moving grains) is
/// tried again after its Retry-After, as any client of the API would; every other refusal stops the load.
/// </summary>
internal sealed class CatalogApi(HttpClient http)
{
    private const int Attempts = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Whether the catalog has no category and no product yet.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct) =>
        await TotalAsync("api/v1/categories?limit=1", ct) == 0 && await TotalAsync("api/v1/products?limit=1", ct) == 0;

    public Task<long> CreateCategoryAsync(string name, long? parentId, CancellationToken ct) =>
        CreateAsync("api/v1/categories", new { name, parent_id = parentId }, ct);

    public Task<long> CreateProductAsync(ProductDraft draft, CancellationToken ct) => CreateAsync("api/v1/products", draft, ct);

    private async Task<long> TotalAsync(string url, CancellationToken ct)
    {
        using var document = await http.GetFromJsonAsync<JsonDocument>(url, ct) ?? throw new LoadFailedException($"GET {url} answered null.");
        return document.RootElement.GetProperty("total").GetInt64();
    }

    private async Task<long> CreateAsync<T>(string url, T body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await http.PostAsJsonAsync(url, body, Json, ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                using var created = await response.Content.ReadFromJsonAsync<JsonDocument>(ct);
                return created!.RootElement.GetProperty("id").GetInt64();
            }

            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == Attempts)
            {
                throw new LoadFailedException(
                    $"POST {url} {JsonSerializer.Serialize(body, Json)} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), ct);
        }
    }
}

/// <summary>The service refused part of the load, or the catalog was not empty.</summary>
internal sealed class LoadFailedException(string message) : Exception(message);
