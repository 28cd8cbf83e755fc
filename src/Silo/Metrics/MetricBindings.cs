using Commerce.Runtime.Diagnostics;

namespace Commerce.Silo.Metrics;

/// <summary>
/// The metrics /metrics exposes and the instruments behind them. HTTP and database timings come from the
/// framework's and Npgsql's own meters, so the code that handles requests and commands stays uninstrumented.
/// </summary>
public static class MetricBindings
{
    /// <summary>Defined by the front-end's search endpoint; named here because the exporter lives below it.</summary>
    public const string CatalogMeter = "Commerce.Catalog";
    public const string SearchResults = "catalog.search.results";
    public const string SearchZeroResults = "catalog.search.zero_results";

    /// <summary>A pseudo tag: the response status code turned into its class (2xx, 4xx, ...).</summary>
    public const string StatusClassTag = "http.response.status_code";

    public static readonly MetricFamily HttpDuration = new("http_server_request_duration_seconds", MetricFamily.Histogram,
        "Duration of HTTP requests by route template, method and status class.", ["route", "method", "status_class"], BucketHistogram.LatencyBounds);

    public static readonly MetricFamily GrainCallDuration = new("catalog_grain_call_duration_seconds", MetricFamily.Histogram,
        "Duration of grain calls run on this silo, by grain type and method.", ["grain_type", "method"], BucketHistogram.LatencyBounds);

    public static readonly MetricFamily GrainCallFailures = new("catalog_grain_call_failures_total", MetricFamily.Counter,
        "Grain calls that ended in an exception, by grain type and method.", ["grain_type", "method"]);

    public static readonly MetricFamily Activations = new("catalog_grain_activations", MetricFamily.Gauge,
        "Live grain activations on this silo by grain type.", ["grain_type"]);

    public static readonly MetricFamily ActiveSilos = new("catalog_cluster_active_silos", MetricFamily.Gauge,
        "Active silos in this process's view of the cluster.", []);

    public static readonly MetricFamily DatabaseDuration = new("catalog_db_command_duration_seconds", MetricFamily.Histogram,
        "Duration of database commands.", [], BucketHistogram.LatencyBounds);

    public static readonly MetricFamily PoolConnections = new("catalog_db_pool_connections", MetricFamily.Gauge,
        "Database connections in the pools, by state (idle or used).", ["state"]);

    public static readonly MetricFamily PoolMax = new("catalog_db_pool_max_connections", MetricFamily.Gauge,
        "Largest number of connections the pools allow.", []);

    public static readonly MetricFamily SearchResultCount = new("catalog_search_results", MetricFamily.Histogram,
        "Total matches per product search.", [], [0, 1, 5, 10, 50, 100, 1000, 10000, 100000]);

    public static readonly MetricFamily ZeroResultSearches = new("catalog_search_zero_results_total", MetricFamily.Counter,
        "Product searches that matched nothing.", []);

    public static IReadOnlyList<InstrumentBinding> All { get; } =
    [
        new("Microsoft.AspNetCore.Hosting", "http.server.request.duration", HttpDuration, ["http.route", "http.request.method", StatusClassTag]),
        new(RuntimeMetrics.MeterName, RuntimeMetrics.CallDuration, GrainCallDuration, ["grain_type", "method"]),
        new(RuntimeMetrics.MeterName, RuntimeMetrics.CallFailures, GrainCallFailures, ["grain_type", "method"]),
        new(RuntimeMetrics.MeterName, RuntimeMetrics.Activations, Activations, ["grain_type"]),
        new(RuntimeMetrics.MeterName, RuntimeMetrics.ActiveSilos, ActiveSilos, []),
        new("Npgsql", "db.client.operation.duration", DatabaseDuration, []),
        new("Npgsql", "db.client.connection.count", PoolConnections, ["db.client.connection.state"]),
        new("Npgsql", "db.client.connection.max", PoolMax, []),
        new(CatalogMeter, SearchResults, SearchResultCount, []),
        new(CatalogMeter, SearchZeroResults, ZeroResultSearches, []),
    ];
}
