using System.Net;
using System.Text.RegularExpressions;
using Commerce.Tests.Api;
using Commerce.Tests.Cluster;

namespace Commerce.Tests.Observability;

/// <summary>/dashboard in a real browser, over a two-silo cluster under traffic.</summary>
public sealed partial class DashboardBrowserTests
{
    [ChromiumFact]
    public async Task Dashboard_shows_silos_grain_state_and_growing_call_counts()
    {
        await using var cluster = await TestCluster.StartAsync(silos: 2);
        await using var frontEnd = await KestrelFrontEnd.StartAsync(cluster.ConnectionString);
        using var client = new HttpClient { BaseAddress = frontEnd.Address };
        for (var tries = 0; !(await client.GetStringAsync("/dashboard/api/overview")).Contains("\"active_silos\":2", StringComparison.Ordinal); tries++)
        {
            Assert.True(tries < 100, "The dashboard never saw both silos.");
            await Task.Delay(100);
        }

        var product = await client.CreateProductAsync();
        var id = product["id"]!.GetValue<long>();
        var updated = await client.ApiPatchAsync($"/api/v1/products/{id}", new { price = "12.50" });
        updated.AssertStatus(HttpStatusCode.OK);
        var version = updated.Json["version"]?.GetValue<long>() ?? long.Parse(updated.ETag!.Trim('"', 'W', '/'), System.Globalization.CultureInfo.InvariantCulture);
        var page = new Uri(frontEnd.Address, $"/dashboard?product={id}");

        var first = await DomWhenAsync(page, dom => Text(dom, "grain-calls-total") is not ("–" or "0"));
        Assert.Equal("2", Text(first, "silo-count"));
        Assert.Equal(version.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(first, "state-version"));
        var callsBefore = long.Parse(Text(first, "grain-calls-total"), System.Globalization.CultureInfo.InvariantCulture);

        for (var i = 0; i < 10; i++)
        {
            (await client.ApiGetAsync($"/api/v1/products/{id}")).AssertStatus(HttpStatusCode.OK);
        }

        await DomWhenAsync(page, dom => long.TryParse(Text(dom, "grain-calls-total"), out var calls) && calls > callsBefore);
        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await HeadlessChromium.ScreenshotAsync(page, screenshot);
    }

    /// <summary>The DOM once <paramref name="condition"/> holds; the page samples once a second, so allow a few tries.</summary>
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

        Assert.Fail($"The dashboard never showed what was expected. Last DOM:\n{dom}");
        return dom;
    }

    private static string Text(string dom, string id) =>
        ElementText().Matches(dom).FirstOrDefault(m => m.Groups["id"].Value == id)?.Groups["text"].Value.Trim() ?? "";

    [GeneratedRegex("""id="(?<id>[a-z0-9-]+)"[^>]*>(?<text>[^<]*)<""")]
    private static partial Regex ElementText();
}
