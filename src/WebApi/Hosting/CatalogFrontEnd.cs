using Commerce.Hosting.Health;
using Commerce.Hosting.Telemetry;
using Commerce.WebApi.Observability;

namespace Commerce.WebApi.Hosting;

/// <summary>Everything of the front-end beside the database and the Orleans role, which Program.cs chooses.</summary>
public static class CatalogFrontEnd
{
    public static WebApplicationBuilder AddCatalogFrontEnd(this WebApplicationBuilder builder)
    {
        builder.AddCatalogApi();
        builder.AddCatalogHealthChecks();
        builder.AddCatalogObservability();
        builder.Services.AddCatalogTracing(builder.Configuration, builder.Environment.ApplicationName);
        return builder;
    }

    public static WebApplication UseCatalogFrontEnd(this WebApplication app)
    {
        app.UseCatalogObservability();
        app.UseCatalogApi();
        app.MapCatalogApi();
        return app;
    }
}
