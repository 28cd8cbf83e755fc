using System.Net;
using Commerce.Tests.Api;
using Commerce.Tests.Carts;
using Commerce.Tests.Orders;
using Commerce.Tools.CatalogAudit;
using Npgsql;

namespace Commerce.Tests.Hardening;

/// <summary>
/// The audit's stock rules: on_hand = initial + adjustments − ordered + cancelled (ordered and cancelled from the
/// order states), reserved = the lines of live carts. A busy history passes; each kind of damage is reported.
/// </summary>
public sealed class StockAuditTests
{
    [Fact]
    public async Task Stock_after_adjustments_orders_cancels_and_carts_passes_and_each_damage_is_reported()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: RebuildSample.NoSweep);
        var client = catalog.Client;
        var product = (await client.CreateProductAsync(stockOnHand: 20)).Id();
        (await client.ApiPostAsync($"/api/v1/products/{product}/stock-adjustments", new { delta = 5, reason = "restock" })).AssertStatus(HttpStatusCode.OK);
        (await client.PlaceOrderAsync("c-1", [(product, 3)])).AssertStatus(HttpStatusCode.Created);
        var cancelled = await client.PlaceOrderAsync("c-1", [(product, 4)]);
        (await client.SendAsync(HttpMethod.Post, $"{cancelled.Location}/cancel")).AssertStatus(HttpStatusCode.OK);
        (await client.PlaceOrderAsync("c-1", [(product, 100)])).AssertProblem(HttpStatusCode.Conflict);
        var cart = await client.CreateCartAsync();
        (await client.PutItemAsync(cart, product, 2)).AssertStatus(HttpStatusCode.OK);
        var checkedOut = await client.CreateCartAsync();
        (await client.PutItemAsync(checkedOut, product, 1)).AssertStatus(HttpStatusCode.OK);
        (await client.ApiPostAsync($"/api/v1/carts/{checkedOut}/checkout", new { customer_id = "c-2" })).AssertStatus(HttpStatusCode.Created);

        Assert.Empty((await new CatalogAuditor(catalog.ConnectionString).RunAsync()).Violations);

        // 20 + 5 - 3 - 4 + 4 - 1 = 21 on hand, 2 held by the cart. Damage: one unit more on hand, a reservation of a
        // cart that does not exist.
        var ghost = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(catalog.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                UPDATE orleansstorage
                SET payloadjson = jsonb_set(jsonb_set(payloadjson, '{stock,on_hand}', '22'), ARRAY['stock', 'reservations', @ghost], '1')
                WHERE graintypestring = 'product' AND grainidn1 = @product
                """, connection);
            command.Parameters.AddWithValue("ghost", "cart:" + ghost.ToString("D"));
            command.Parameters.AddWithValue("product", product);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var report = await new CatalogAuditor(catalog.ConnectionString).RunAsync();

        Assert.Contains($"on_hand = initial + adjustments - ordered + cancelled: product {product}: on_hand 22, 20 + 5 - 8 + 4 = 21", report.Violations);
        Assert.Contains($"reserved = live cart lines: product {product} holds 1 for cart:{ghost:D}, which has no such line", report.Violations);
    }
}
