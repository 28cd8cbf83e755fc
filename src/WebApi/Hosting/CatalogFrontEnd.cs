using Commerce.Silo.Hosting;
using Commerce.WebApi.Dashboard;
using Commerce.WebApi.Observability;

namespace Commerce.WebApi.Hosting;

/// <summary>
/// The whole front-end composition in one place, so Program.cs and the tests that need a real socket build
/// exactly the same application.
/// </summary>
public static class CatalogFrontEnd
{
    public static WebApplicationBuilder AddCatalogFrontEnd(this WebApplicationBuilder builder)
    {
        builder.AddCatalogSilo();
        builder.AddCatalogApi();
        builder.AddCatalogDashboard();
        builder.AddCatalogObservability();
        return builder;
    }

    public static WebApplication UseCatalogFrontEnd(this WebApplication app)
    {
        app.UseCatalogObservability();
        app.UseCatalogApi();
        app.MapCatalogApi();
        app.MapCatalogDashboard();
        return app;
    }
}
