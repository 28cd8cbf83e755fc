using Commerce.Runtime.Diagnostics;
using Commerce.Silo.Metrics;

namespace Commerce.WebApi.Dashboard;

/// <summary>
/// Samples the front-end's HTTP totals and the silos' reports once a second and keeps the last five minutes in
/// memory: enough for the dashboard's charts, and nothing to store or clean up.
/// </summary>
public sealed partial class DashboardHistory(MetricsCollector metrics, SiloStatsReader silos, TimeProvider time, ILogger<DashboardHistory> logger)
    : BackgroundService
{
    private const int Capacity = 300;

    // The dashboard's own polling and the silos' traffic among themselves are not the API's load.
    private static readonly string[] InternalRoutes = ["/dashboard", "/metrics", "/runtime", "/health"];

    private readonly Lock _gate = new();
    private readonly Queue<DashboardSample> _samples = new();

    public IReadOnlyList<DashboardSample> Samples
    {
        get
        {
            lock (_gate)
            {
                return [.. _samples];
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        do
        {
            try
            {
                await TakeSampleAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSampleFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task TakeSampleAsync(CancellationToken cancellationToken)
    {
        var cluster = await silos.ReadAsync(cancellationToken);
        var http = new BucketHistogram(BucketHistogram.LatencyBounds).Snapshot();
        long errors = 0;
        foreach (var series in metrics.Current.Where(s => s.Family == MetricBindings.HttpDuration && !IsInternal(s.LabelValues[0])))
        {
            var snapshot = series.Histogram!.Snapshot();
            http = new HistogramSnapshot(http.UpperBounds, [.. http.Counts.Zip(snapshot.Counts, (a, b) => a + b)], http.Sum + snapshot.Sum, http.Count + snapshot.Count);
            errors += series.LabelValues[2] == "5xx" ? snapshot.Count : 0;
        }

        lock (_gate)
        {
            _samples.Enqueue(new DashboardSample(time.GetUtcNow(), http, errors, cluster));
            while (_samples.Count > Capacity)
            {
                _samples.Dequeue();
            }
        }
    }

    private static bool IsInternal(string route) => InternalRoutes.Any(prefix => route.StartsWith(prefix, StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not take a dashboard sample")]
    private partial void LogSampleFailed(Exception exception);
}
