using System.Net;
using System.Text.RegularExpressions;
using Commerce.Tests.Api;

namespace Commerce.Tests.Observability;

/// <summary>Orleans' dashboard at /dashboard in a real browser, after some catalog traffic.</summary>
public sealed partial class DashboardBrowserTests
{
    [ChromiumFact]
    public async Task Dashboard_renders_the_silo_and_the_catalog_grain_types()
    {
        await using var catalog = await ObservedCatalog.StartAsync(kestrel: true);
        var client = catalog.Client;
        var category = await client.CreateCategoryAsync("Dashboard " + Unique.Token());
        var id = (await client.CreateProductAsync(categoryId: category)).Id();
        (await client.ApiPatchAsync($"/api/v1/products/{id}", new { price = "12.50" })).AssertStatus(HttpStatusCode.OK);
        (await client.ApiGetAsync($"/api/v1/products/{id}")).AssertStatus(HttpStatusCode.OK);
        var dashboard = new Uri(catalog.Address!, "/dashboard/");

        var overview = await DomWhenAsync(dashboard, dom => ActiveSilos().Match(dom) is { Success: true });
        Assert.Equal("1", ActiveSilos().Match(overview).Groups["count"].Value);
        var grains = new Uri(dashboard, "#/grains");
        await DomWhenAsync(grains, dom => dom.Contains(">ProductGrain<", StringComparison.Ordinal) && dom.Contains(">CategoryTreeGrain<", StringComparison.Ordinal));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await HeadlessChromium.ScreenshotAsync(dashboard, screenshot);
    }

    /// <summary>The DOM once <paramref name="condition"/> holds; the page polls once a second, so allow a few tries.</summary>
    private static async Task<string> DomWhenAsync(Uri page, Func<string, bool> condition)
    {
        var dom = "";
        for (var attempt = 0; attempt < 10; attempt++)
        {
            dom = await HeadlessChromium.DumpDomAsync(page);
            if (condition(dom))
            {
                return dom;
            }

            await Task.Delay(1000);
        }

        Assert.Fail($"The dashboard never showed what was expected at {page}. Last DOM:\n{dom}");
        return dom;
    }

    [GeneratedRegex("""Active Silos</span><span class="info-box-number">(?<count>\d+)<""")]
    private static partial Regex ActiveSilos();
}
