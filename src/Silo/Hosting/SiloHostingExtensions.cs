using Commerce.Grains.Hosting;
using Commerce.Grains.Products;
using Commerce.Runtime.Database;
using Commerce.Runtime.Hosting;
using Commerce.Silo.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Commerce.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Makes this process a silo of the catalog: PostgreSQL (configured or embedded) with the schema applied,
    /// the grain runtime, the catalog grains and their storage, and the readiness checks.
    /// </summary>
    public static IHostApplicationBuilder AddCatalogSilo(this IHostApplicationBuilder builder)
    {
        // First, so the database starts before every other hosted service and stops after them.
        builder.Services.AddPostgres(builder.Configuration, typeof(ProductGrain).Assembly);
        builder.Services.AddGrainRuntime(builder.Configuration).AddCatalogGrains();
        builder.Services.AddCatalogReadModel();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready])
            .AddCheck<SiloHealthCheck>("silo", tags: [HealthTags.Ready]);
        return builder;
    }
}
