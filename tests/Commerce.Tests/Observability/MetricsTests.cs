using System.Net;
using Commerce.Tests.Api;
using Commerce.Tests.Carts;
using Commerce.Tests.Orders;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Commerce.Tests.Observability;

/// <summary>/metrics from OpenTelemetry's Prometheus exporter: the figures move with traffic, and Prometheus parses them.</summary>
[Collection(MetricsTestGroup.Name)]
public sealed class MetricsTests(MetricsTests.Host host) : IClassFixture<MetricsTests.Host>
{
    private HttpClient Client => host.Catalog.Client;

    [Fact]
    public async Task Catalog_figures_move_with_searches_and_writes()
    {
        var before = await ScrapeAsync();
        var category = await Client.CreateCategoryAsync("Metrics " + Unique.Token());
        var id = (await Client.CreateProductAsync(categoryId: category)).Id();
        (await Client.ApiPatchAsync($"/api/v1/products/{id}", new { price = "12.50" })).AssertStatus(HttpStatusCode.OK);
        (await Client.ApiDeleteAsync($"/api/v1/products/{id}")).AssertStatus(HttpStatusCode.NoContent);
        (await Client.ApiGetAsync($"/api/v1/products/search?q=nothing-{Unique.Token()}")).AssertStatus(HttpStatusCode.OK);
        var after = await ScrapeAsync();

        foreach (var (entity, operation) in new[] { ("category", "create"), ("product", "create"), ("product", "update"), ("product", "delete") })
        {
            string[] labels = [$"entity=\"{entity}\"", $"operation=\"{operation}\""];
            Assert.True(Sum(after, "catalog_mutations_total", labels) > Sum(before, "catalog_mutations_total", labels), $"no {entity} {operation} counted");
        }

        Assert.True(Sum(after, "catalog_search_zero_results_total") > Sum(before, "catalog_search_zero_results_total"));
        Assert.True(Sum(after, "catalog_search_results_count") > Sum(before, "catalog_search_results_count"));
        // The gauge that deploy/prometheus/alerts.yml's RequestsQueuedFor10Minutes reads, under that name.
        Assert.Matches(@"(?m)^catalog_requests_waiting(\{[^}]*\})? \d", after);
    }

    [Fact]
    public async Task Orleans_http_runtime_and_npgsql_figures_are_exported()
    {
        await Client.CreateProductAsync();
        (await Client.ApiGetAsync("/api/v1/products/search?q=x")).AssertStatus(HttpStatusCode.OK);
        string[] search = ["http_route=\"/api/v1/products/search\"", "http_request_method=\"GET\"", "http_response_status_code=\"200\""];
        // ASP.NET Core records a request's duration when it has finished, which can be just after the client has the answer.
        var text = await ScrapeAsync();
        for (var tries = 0; Sum(text, "http_server_request_duration_seconds_count", search) < 1; tries++)
        {
            Assert.True(tries < 50, "ASP.NET Core's request duration never counted the search.");
            await Task.Delay(100);
            text = await ScrapeAsync();
        }

        // A counter, not the orleans_grains up-down counter: every test host in this process feeds the same-named Orleans
        // meter, so another host's shutdown subtracts its grains from the live count, while activations only add up.
        Assert.True(Sum(text, "orleans_catalog_activation_created_total", "grain_type=\"product\"") >= 1, "Orleans' meter counted no product activation");
        Assert.True(Sum(text, "orleans_storage_write_latency_milliseconds_count") >= 1, "Orleans' meter has no storage writes");
        Assert.True(Sum(text, "orleans_directory_ring_size") >= 1, "Orleans' meter has no silo in its ring");
        Assert.True(Sum(text, "dotnet_process_cpu_time_seconds_total") > 0, "no runtime figures");
        Assert.True(Sum(text, "db_client_operation_duration_seconds_count") >= 1, "no Npgsql figures");
    }

    /// <summary>A parse error fails; lint complaints are accepted only about metric names that upstream libraries choose.</summary>
    [PromtoolFact]
    public async Task Metrics_output_parses_with_promtool()
    {
        await Client.CreateProductAsync();
        await Client.ApiGetAsync("/api/v1/products/search?q=x");
        await Client.ApiGetAsync("/no/such/route");
        var text = await ScrapeAsync();

        var (exitCode, output, error) = await ExternalTool.RunAsync(ExternalTool.Find("promtool")!, ["check", "metrics"], text);
        var complaints = (output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // promtool exits 1 on a parse error and 3 when it parsed everything but has lint complaints.
        Assert.True(exitCode is 0 or 3, $"promtool check metrics failed ({exitCode}): {output}{error}\n{text}");
        Assert.DoesNotContain(complaints, line => line.StartsWith("catalog_", StringComparison.Ordinal) || line.Contains("error", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Orders_placed_and_refused_by_reason_and_stock_adjustments_are_counted()
    {
        var before = await ScrapeAsync();
        var id = (await Client.CreateProductAsync(stockOnHand: 1)).Id();
        (await Client.ApiPostAsync($"/api/v1/products/{id}/stock-adjustments", new { delta = 1, reason = "restock" })).AssertStatus(HttpStatusCode.OK);
        (await Client.PlaceOrderAsync("c-metrics", [(id, 1)])).AssertStatus(HttpStatusCode.Created);
        (await Client.PlaceOrderAsync("c-metrics", [(id, 5)])).AssertStatus(HttpStatusCode.Conflict);
        (await Client.PlaceOrderAsync("c-metrics", [(987654321987, 1)])).AssertStatus(HttpStatusCode.NotFound);
        var after = await ScrapeAsync();

        Assert.True(Sum(after, "catalog_orders_placed_total") > Sum(before, "catalog_orders_placed_total"));
        Assert.True(Sum(after, "catalog_orders_refused_total", "reason=\"out_of_stock\"") > Sum(before, "catalog_orders_refused_total", "reason=\"out_of_stock\""));
        Assert.True(Sum(after, "catalog_orders_refused_total", "reason=\"unknown_product\"") > Sum(before, "catalog_orders_refused_total", "reason=\"unknown_product\""));
        string[] adjusted = ["entity=\"product\"", "operation=\"stock-adjustment\""];
        Assert.True(Sum(after, "catalog_mutations_total", adjusted) > Sum(before, "catalog_mutations_total", adjusted));
    }

    [Fact]
    public async Task Live_reservations_are_the_units_that_carts_hold_across_the_catalog()
    {
        // Each test host in this process exports its own catalog's figure; this one's carries its database's name.
        var database = new NpgsqlConnectionStringBuilder(host.Catalog.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString).Database;
        string[] mine = [$"db_namespace=\"{database}\""];
        var first = (await Client.CreateProductAsync(stockOnHand: 10)).Id();
        var second = (await Client.CreateProductAsync(stockOnHand: 5)).Id();
        var cart = await Client.CreateCartAsync();
        (await Client.PutItemAsync(cart, first, 3)).AssertStatus(HttpStatusCode.OK);
        (await Client.PutItemAsync(cart, second, 2)).AssertStatus(HttpStatusCode.OK);

        await WaitForGaugeAsync(mine, 5);
        (await Client.SendAsync(HttpMethod.Delete, $"/api/v1/carts/{cart}/items/{first}")).AssertStatus(HttpStatusCode.NoContent);
        await WaitForGaugeAsync(mine, 2);
        (await Client.PlaceOrderAsync("c-metrics", [(first, 4)])).AssertStatus(HttpStatusCode.Created);
        // An order's units are sold, not held: the cart's 2 are all that is reserved.
        await WaitForGaugeAsync(mine, 2);
    }

    private async Task WaitForGaugeAsync(string[] labels, double expected)
    {
        var text = "";
        for (var tries = 0; tries < 100; tries++)
        {
            text = await ScrapeAsync();
            if (text.Contains("catalog_reservations_live{", StringComparison.Ordinal) && Sum(text, "catalog_reservations_live", labels) == expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"catalog_reservations_live never read {expected}:\n{string.Join('\n', text.Split('\n').Where(l => l.StartsWith("catalog_reservations", StringComparison.Ordinal)))}");
    }

    [Fact]
    public void Without_an_otlp_endpoint_no_tracer_records_spans()
    {
        Assert.Null(host.Catalog.Services.GetService<TracerProvider>());
    }

    private static double Sum(string text, string name, params string[] labels) => PrometheusText.Sum(text, name, labels);

    private async Task<string> ScrapeAsync()
    {
        using var response = await Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        return await response.Content.ReadAsStringAsync();
    }

    public sealed class Host : IAsyncLifetime
    {
        public ObservedCatalog Catalog { get; private set; } = null!;

        // The exporter may answer a scrape from a copy up to 300 ms old; here every scrape must see the writes before it.
        public async Task InitializeAsync() => Catalog = await ObservedCatalog.StartAsync(
            settings: new Dictionary<string, string> { ["Observability:Reservations:RefreshInterval"] = "00:00:01" },
            services: services => services.Configure<PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        public async Task DisposeAsync() => await Catalog.DisposeAsync();
    }
}
