using System.Net;
using Commerce.Tests.Api;

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
}
