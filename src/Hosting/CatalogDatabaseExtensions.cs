using Commerce.Grains.Hosting;
using Commerce.Postgres;
using Commerce.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Commerce.Hosting;

public static class CatalogDatabaseExtensions
{
    /// <summary>
    /// The catalog's PostgreSQL (configured, or embedded when no connection string is set) with the schema of
    /// <c>sql/</c> applied, and the read-side queries over it. First, so the database starts before every other
    /// hosted service (Orleans included) and stops after them.
    /// </summary>
    public static IHostApplicationBuilder AddCatalogDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPostgres(builder.Configuration, typeof(CatalogSiloBuilderExtensions).Assembly);
        builder.Services.AddCatalogReadModel(builder.Configuration);
        return builder;
    }
}
