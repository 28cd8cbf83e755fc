using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Tests.OpenApi;

namespace Commerce.Tests.Api;

/// <summary>Small helpers over HttpClient that keep the tests about the contract, not about plumbing.</summary>
public static class ApiClient
{
    public static async Task<ApiResponse> SendAsync(
        this HttpClient client, HttpMethod method, string url, string? json = null, string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        await AssertDescribedAsync(client, response, body);
        return new ApiResponse(response.StatusCode, body, response.Headers.ETag?.ToString(), response.Headers.Location?.ToString(),
            response.Content.Headers.ContentType);
    }

    /// <summary>Sends any content as it is (a body without a length, bytes that are not JSON, ...).</summary>
    public static async Task<ApiResponse> SendContentAsync(this HttpClient client, HttpMethod method, string url, HttpContent content)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        await AssertDescribedAsync(client, response, body);
        return new ApiResponse(response.StatusCode, body, response.Headers.ETag?.ToString(), response.Headers.Location?.ToString(),
            response.Content.Headers.ContentType);
    }

    /// <summary>Every response a contract test receives must be one the served OpenAPI document describes.</summary>
    private static async Task AssertDescribedAsync(HttpClient client, HttpResponseMessage response, string body)
    {
        var undescribed = (await OpenApiContract.ServedAsync(client)).Check(ObservedResponse.From(response, body));
        Assert.True(undescribed.Count == 0, "The OpenAPI document does not describe this response:\n" + string.Join("\n", undescribed));
    }

    public static Task<ApiResponse> ApiPostAsync(this HttpClient client, string url, object body, string? idempotencyKey = null) =>
        client.SendAsync(HttpMethod.Post, url, JsonSerializer.Serialize(body), idempotencyKey: idempotencyKey);

    public static Task<ApiResponse> ApiPatchAsync(this HttpClient client, string url, object body, string? ifMatch = null) =>
        client.SendAsync(HttpMethod.Patch, url, JsonSerializer.Serialize(body), ifMatch);

    public static Task<ApiResponse> ApiGetAsync(this HttpClient client, string url) => client.SendAsync(HttpMethod.Get, url);

    public static Task<ApiResponse> ApiDeleteAsync(this HttpClient client, string url, string? ifMatch = null) =>
        client.SendAsync(HttpMethod.Delete, url, ifMatch: ifMatch);

    /// <summary>Creates a category and returns its id, failing the test if that did not work.</summary>
    public static async Task<long> CreateCategoryAsync(this HttpClient client, string name, long? parentId = null)
    {
        var response = await client.ApiPostAsync("/api/v1/categories", new Dictionary<string, object?> { ["name"] = name, ["parent_id"] = parentId });
        response.AssertStatus(HttpStatusCode.Created);
        return response.Json["id"]!.GetValue<long>();
    }

    /// <summary>Creates a product with a fresh SKU unless one is given and returns its JSON.</summary>
    public static async Task<JsonNode> CreateProductAsync(
        this HttpClient client, string? title = null, object? price = null, long? categoryId = null, string? sku = null, long? stockOnHand = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["title"] = title ?? "Product " + Unique.Token(),
            ["description"] = "A product made by a test.",
            ["sku"] = sku ?? Unique.Sku(),
            ["price"] = price ?? "10.00",
            ["category_id"] = categoryId,
        };
        if (stockOnHand is not null)
        {
            body["stock_on_hand"] = stockOnHand;
        }

        var response = await client.ApiPostAsync("/api/v1/products", body);
        response.AssertStatus(HttpStatusCode.Created);
        return response.Json;
    }
}

public static class JsonNodeExtensions
{
    public static long Id(this JsonNode resource) => resource["id"]!.GetValue<long>();

    public static string Text(this JsonNode resource, string field) => resource[field]!.GetValue<string>();
}

public sealed record ApiResponse(HttpStatusCode Status, string Body, string? ETag, string? Location, MediaTypeHeaderValue? ContentType)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("Empty body.");

    public void AssertStatus(HttpStatusCode expected) =>
        Assert.True(Status == expected, $"Expected {(int)expected} but got {(int)Status}: {Body}");

    /// <summary>Asserts an RFC 9457 problem with this status, and returns its JSON.</summary>
    public JsonNode AssertProblem(HttpStatusCode expected)
    {
        AssertStatus(expected);
        Assert.Equal("application/problem+json", ContentType?.MediaType);
        var json = Json;
        Assert.Equal((int)expected, json["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(json["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(json["detail"]?.GetValue<string>()));
        return json;
    }

    /// <summary>Asserts a 422 validation problem naming <paramref name="field"/>.</summary>
    public void AssertInvalid(string field)
    {
        var json = AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.True(json["errors"]?[field] is JsonArray { Count: > 0 }, $"Expected an error for '{field}': {Body}");
    }
}

public static class Unique
{
    public static string Token() => Guid.NewGuid().ToString("N")[..12];

    public static string Sku() => "T-" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
}
