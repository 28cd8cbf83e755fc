using System.Net;
using Commerce.Tests.Api;
using Commerce.Tests.Carts;
using Commerce.Tests.Orders;

namespace Commerce.Tests.Observability;

/// <summary>A front-end in client mode serves /dashboard with the figures of the silos it reaches.</summary>
[Collection(SplitDeploymentGroup.Name)]
public sealed class DashboardClientModeTests(SplitDeployment deployment)
{
    [Fact]
    public async Task The_client_front_end_shows_the_silo_and_its_product_grains()
    {
        var client = deployment.FrontEnd.Client;
        var id = (await client.CreateProductAsync()).Id();
        (await client.ApiGetAsync($"/api/v1/products/{id}")).AssertStatus(HttpStatusCode.OK);

        var page = await client.ApiGetAsync("/dashboard/");
        page.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("Orleans Dashboard", page.Body, StringComparison.Ordinal);
        await SplitDeployment.WaitForAsync(async () =>
        {
            var counters = await client.ApiGetAsync("/dashboard/DashboardCounters");
            return counters.Status == HttpStatusCode.OK &&
                counters.Json["hosts"]!.AsArray().Count(host => host!["status"]!.GetValue<string>() == "Active") == 1 &&
                counters.Body.Contains("Commerce.Grains.Products.ProductGrain", StringComparison.Ordinal);
        }, "the dashboard to show the silo and its product grains");
    }

    [Fact]
    public async Task Carts_orders_and_stock_show_as_grain_statistics_with_the_carts_expiry_reminder()
    {
        var client = deployment.FrontEnd.Client;
        var product = (await client.CreateProductAsync(stockOnHand: 1000)).Id();
        var cart = await client.CreateCartAsync();
        // The silos record grain calls only while someone looks at the dashboard (Orleans' GrainProfilerOptions), so
        // look first, then shop until the figures show: the first calls may come before the silo heard of the look.
        (await client.ApiGetAsync("/dashboard/ClusterStats")).AssertStatus(HttpStatusCode.OK);
        var expected = new[]
        {
            ("Commerce.Grains.Carts.CartGrain", "SetItemAsync"),
            ("Commerce.Grains.Orders.OrderGrain", "PlaceAsync"),
            ("Commerce.Grains.Products.ProductGrain", "ReserveAsync"),
        };
        var shown = new HashSet<string>();
        for (var (started, quantity) = (DateTime.UtcNow, 1); shown.Count < expected.Length; quantity++)
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), $"The dashboard showed only {string.Join(", ", shown)}.");
            (await client.PutItemAsync(cart, product, quantity)).AssertStatus(HttpStatusCode.OK);
            (await client.PlaceOrderAsync("c-dashboard", [(product, 1)])).AssertStatus(HttpStatusCode.Created);
            await Task.Delay(500);
            foreach (var (grain, method) in expected)
            {
                // Per grain type, each method with its calls per second over the last minutes.
                var stats = await client.ApiGetAsync($"/dashboard/GrainStats/{grain}");
                if (stats.Status == HttpStatusCode.OK && stats.Json[$"{grain}.{method}"] is { } series &&
                    series.AsObject().Any(period => period.Value!["count"]!.GetValue<long>() > 0))
                {
                    shown.Add($"{grain}.{method}");
                }
            }
        }

        var reminders = await client.ApiGetAsync("/dashboard/Reminders");
        reminders.AssertStatus(HttpStatusCode.OK);
        var reminder = Assert.Single(reminders.Json["reminders"]!.AsArray(), r => r!["grainReference"]!.GetValue<string>() == $"cart/{Guid.Parse(cart):N}");
        Assert.Equal("cart-expiry", reminder!["name"]!.GetValue<string>());
    }
}
