using System.Net;
using Commerce.Tests.Api;
using Commerce.Tests.Carts;
using Commerce.Tests.Orders;

namespace Commerce.Tests.Hardening;

/// <summary>
/// A burst of concurrent requests for something that does not exist (deleted a moment ago, or never created) is
/// answered 404 every time. Grains without state used to deactivate at the end of each call; the calls queued behind
/// were forwarded from one fresh activation to the next until Orleans refused them, and those requests were answered
/// 503 ("the cluster is changing") although nothing was changing.
/// </summary>
public sealed class MissingResourceBurstTests
{
    private const int Burst = 64;

    [Fact]
    public async Task Concurrent_orders_cart_lines_stock_changes_and_reads_of_a_missing_product_are_all_404()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var client = catalog.Client;
        var deleted = (await client.CreateProductAsync(stockOnHand: 50)).Id();
        (await client.ApiDeleteAsync($"/api/v1/products/{deleted}")).AssertStatus(HttpStatusCode.NoContent);
        var cart = await client.CreateCartAsync();

        foreach (var product in new[] { deleted, deleted + 1_000_000 })
        {
            AssertAllNotFound($"product {product}", await Task.WhenAll(Enumerable.Range(0, Burst).Select(i => (i % 4) switch
            {
                0 => client.PlaceOrderAsync($"burst-{i}", [(product, 1)]),
                1 => client.PutItemAsync(cart, product, 1),
                2 => client.ApiPostAsync($"/api/v1/products/{product}/stock-adjustments", new { delta = 1, reason = "restock" }),
                _ => client.ApiGetAsync($"/api/v1/products/{product}"),
            })));
        }
    }

    [Fact]
    public async Task Concurrent_reads_of_a_missing_category_order_or_cart_are_all_404()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var client = catalog.Client;
        var deleted = await client.CreateCategoryAsync("Gone");
        (await client.ApiDeleteAsync($"/api/v1/categories/{deleted}")).AssertStatus(HttpStatusCode.NoContent);

        foreach (var url in new[]
        {
            $"/api/v1/categories/{deleted}", $"/api/v1/categories/{deleted + 1_000_000}", "/api/v1/orders/987654321",
            $"/api/v1/carts/{Guid.NewGuid()}",
        })
        {
            AssertAllNotFound(url, await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => client.ApiGetAsync(url))));
        }
    }

    private static void AssertAllNotFound(string what, ApiResponse[] answers) =>
        Assert.All(answers, answer => Assert.True(answer.Status == HttpStatusCode.NotFound, $"{what}: {(int)answer.Status} {answer.Body}"));
}
