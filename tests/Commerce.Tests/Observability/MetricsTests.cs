using System.Net;
using Commerce.Tests.Api;

namespace Commerce.Tests.Observability;

/// <summary>/metrics: the numbers move with traffic, and Prometheus' own checker accepts the output.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class MetricsTests(CatalogApiFixture api)
{
    private const string SearchRoute = "route=\"/api/v1/products/search\"";

    [Fact]
    public async Task Metrics_count_requests_grain_calls_and_searches()
    {
        var before = await ScrapeAsync();
        var product = await api.Client.CreateProductAsync();
        (await api.Client.ApiGetAsync($"/api/v1/products/{product["id"]}")).AssertStatus(HttpStatusCode.OK);
        (await api.Client.ApiGetAsync($"/api/v1/products/search?q=nothing-{Unique.Token()}")).AssertStatus(HttpStatusCode.OK);
        var after = await ScrapeAsync();

        Assert.True(Count(after, "http_server_request_duration_seconds_count", SearchRoute, "method=\"GET\"", "status_class=\"2xx\"")
            > Count(before, "http_server_request_duration_seconds_count", SearchRoute, "method=\"GET\"", "status_class=\"2xx\""));
        Assert.True(Count(after, "catalog_grain_call_duration_seconds_count", "grain_type=\"product\"", "method=\"GetAsync\"")
            > Count(before, "catalog_grain_call_duration_seconds_count", "grain_type=\"product\"", "method=\"GetAsync\""));
        Assert.True(Count(after, "catalog_search_zero_results_total") > Count(before, "catalog_search_zero_results_total"));
        Assert.True(Count(after, "catalog_search_results_count") > Count(before, "catalog_search_results_count"));
        Assert.True(Count(after, "catalog_grain_activations", "grain_type=\"product\"") >= 1);
        Assert.Equal(1, Count(after, "catalog_cluster_active_silos"));
        Assert.True(Count(after, "catalog_db_command_duration_seconds_count") > Count(before, "catalog_db_command_duration_seconds_count"));
        Assert.True(Count(after, "catalog_db_pool_connections") >= 1);
    }

    [PromtoolFact]
    public async Task Metrics_output_passes_promtool_check()
    {
        await api.Client.CreateProductAsync();
        await api.Client.ApiGetAsync("/api/v1/products/search?q=x");
        await api.Client.ApiGetAsync("/no/such/route");
        var text = await ScrapeAsync();

        var (exitCode, output, error) = await ExternalTool.RunAsync(ExternalTool.Find("promtool")!, ["check", "metrics"], text);
        Assert.True(exitCode == 0, $"promtool check metrics failed ({exitCode}): {output}{error}\n{text}");
    }

    private static double Count(string text, string name, params string[] labels) => PrometheusText.Sum(text, name, labels);

    private async Task<string> ScrapeAsync()
    {
        using var response = await api.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        return await response.Content.ReadAsStringAsync();
    }
}
