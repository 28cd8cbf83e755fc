using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Commerce.Tests.Observability;

/// <summary>
/// Dashboard:Enabled=false leaves Orleans' dashboard out of the process: no page, no API, and none of its hosted
/// services, whose metric reader walks the silo's activations every second. The rest of the service is unchanged.
/// </summary>
public sealed class DashboardSwitchTests
{
    [Fact]
    public async Task The_dashboard_is_on_by_default_and_wholly_off_when_switched_off()
    {
        await using (var standard = await ObservedCatalog.StartAsync())
        {
            Assert.Contains(standard.Services.GetServices<IHostedService>(), IsDashboards);
            using var page = await standard.Client.GetAsync("/dashboard/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        await using var off = await ObservedCatalog.StartAsync(new Dictionary<string, string> { ["Dashboard:Enabled"] = "false" });
        Assert.DoesNotContain(off.Services.GetServices<IHostedService>(), IsDashboards);
        foreach (var path in new[] { "/dashboard/", "/dashboard/index.min.js", "/dashboard/ClusterStats" })
        {
            using var response = await off.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var health = await off.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var metrics = await off.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }

    private static bool IsDashboards(IHostedService service) => service.GetType().Assembly.GetName().Name == "Orleans.Dashboard";
}
