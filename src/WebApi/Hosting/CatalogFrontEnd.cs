using Commerce.Hosting.Dashboard;
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
        builder.AddCatalogTelemetry();
        builder.AddCatalogDashboard();
        return builder;
    }

    public static WebApplication UseCatalogFrontEnd(this WebApplication app)
    {
        app.UseCatalogObservability();
        app.UseCatalogApi();
        app.MapCatalogApi();
        app.MapCatalogMetrics();
        app.MapCatalogDashboard();
        return app;
    }
}
