using Commerce.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Commerce.Tests.Observability;

/// <summary>
/// A silo host and a front-end in client mode on one database of their own, so grain calls cross the gateway
/// connection; both export traces to a stand-in OTLP collector, and the front-end's tracer also hands its spans to
/// <see cref="Spans"/>.
/// </summary>
public sealed class SplitDeployment : IAsyncLifetime
{
    public SpanCollector Spans { get; } = new();

    public OtlpReceiver Collector { get; private set; } = null!;

    public ObservedCatalog Silo { get; private set; } = null!;

    public ObservedCatalog FrontEnd { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Collector = await OtlpReceiver.StartAsync();
        var database = await TestDatabase.CreateDatabaseAsync("observability_split");
        var settings = new Dictionary<string, string>
        {
            ["Cluster:ClusterId"] = $"observability-{Guid.NewGuid():N}",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Export finished spans within a fraction of a second rather than the default 5 s.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };
        // The silo first: the client finds the gateways of silos that are already active.
        Silo = await ObservedCatalog.StartAsync(database, new Dictionary<string, string>(settings) { ["Cluster:Mode"] = "Silo" });
        FrontEnd = await ObservedCatalog.StartAsync(database, new Dictionary<string, string>(settings) { ["Cluster:Mode"] = "Client" },
            services: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(Spans)));
    }

    public async Task DisposeAsync()
    {
        await FrontEnd.DisposeAsync();
        await Silo.DisposeAsync();
        await Collector.DisposeAsync();
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, for at most 20 s.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        for (var started = DateTime.UtcNow; !await condition(); await Task.Delay(100))
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), $"Timed out waiting for {what}.");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SplitDeploymentGroup : ICollectionFixture<SplitDeployment>
{
    public const string Name = "split deployment";
}
