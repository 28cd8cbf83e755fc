using System.Text.Json;
using Commerce.Tests.Api;

namespace Commerce.Tests.Orders;

/// <summary>Order calls the tests repeat.</summary>
public static class OrderApi
{
    public static Task<ApiResponse> PlaceOrderAsync(this HttpClient client, string customer, IEnumerable<(long Product, long Quantity)> lines, string? key = null) =>
        client.SendAsync(HttpMethod.Post, "/api/v1/orders", Body(customer, lines), idempotencyKey: key);

    public static string Body(string customer, IEnumerable<(long Product, long Quantity)> lines) => JsonSerializer.Serialize(new
    {
        customer_id = customer,
        items = lines.Select(l => new { product_id = l.Product, quantity = l.Quantity }),
    });

    public static string Customer() => "c-" + Unique.Token();
}
