using System.Net;
using System.Text.Json.Nodes;
using Commerce.Tests.Api;

namespace Commerce.Tests.Carts;

/// <summary>Cart calls the tests repeat.</summary>
public static class CartApi
{
    public static async Task<string> CreateCartAsync(this HttpClient client)
    {
        var created = await client.SendAsync(HttpMethod.Post, "/api/v1/carts");
        created.AssertStatus(HttpStatusCode.Created);
        return created.Json.Text("id");
    }

    public static Task<ApiResponse> PutItemAsync(this HttpClient client, string cart, long product, long quantity) =>
        client.SendAsync(HttpMethod.Put, $"/api/v1/carts/{cart}/items/{product}", $$"""{"quantity": {{quantity}}}""");

    public static async Task<JsonNode> StockOfAsync(this HttpClient client, long product)
    {
        var read = await client.ApiGetAsync($"/api/v1/products/{product}");
        read.AssertStatus(HttpStatusCode.OK);
        return read.Json["stock"]!;
    }

    public static async Task<long> ReservedOfAsync(this HttpClient client, long product) =>
        (await client.StockOfAsync(product))["reserved"]!.GetValue<long>();
}
