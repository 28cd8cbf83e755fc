using Commerce.Grains.Hosting;
using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Products;
using Commerce.Runtime.Cluster;
using Commerce.Runtime.Database;
using Commerce.Runtime.Hosting;
using Commerce.Silo.Health;
using Commerce.Silo.Tracing;
using Commerce.Silo.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Makes this process part of the catalog: PostgreSQL (configured or embedded) with the schema applied, the
    /// grain runtime in the role <c>Cluster:Mode</c> gives it, the catalog grains and storage, readiness checks.
    /// </summary>
    public static WebApplicationBuilder AddCatalogSilo(this WebApplicationBuilder builder)
    {
        // First, so the database starts before every other hosted service and stops after them.
        builder.Services.AddPostgres(builder.Configuration, typeof(ProductGrain).Assembly);
        var runtime = builder.Services.AddGrainRuntime(builder.Configuration)
            .AddCatalogGrains()
            .UseWireContracts(GrainContractsJsonContext.Default);
        if (runtime.SiloEndpoint is { } endpoint)
        {
            builder.UseSiloEndpoint(endpoint);
        }

        builder.Services.AddCatalogReadModel();
        builder.Services.AddCatalogTracing(builder.Configuration, builder.Environment.ApplicationName);
        builder.Services.AddSingleton(new SiloRole(runtime.Mode));
        builder.Services.AddSingleton<MetricsCollector>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready])
            .AddCheck<SiloHealthCheck>("cluster", tags: [HealthTags.Ready]);
        return builder;
    }

    /// <summary>The silo's HTTP/2 endpoint for calls from other processes (when it is a silo of a cluster) and /metrics.</summary>
    public static WebApplication MapCatalogSilo(this WebApplication app)
    {
        app.MapSiloTransport();
        app.MapMetrics();
        return app;
    }
}

/// <summary>The role this process plays, as configured.</summary>
public sealed record SiloRole(ClusterMode Mode);
