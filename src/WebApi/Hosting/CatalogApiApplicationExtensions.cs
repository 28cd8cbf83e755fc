using Commerce.Hosting.Health;
using Commerce.WebApi.Admission;
using Commerce.WebApi.Carts;
using Commerce.WebApi.Categories;
using Commerce.WebApi.Orders;
using Commerce.WebApi.Products;
using Commerce.WebApi.Security;
using Commerce.WebApi.Stock;

namespace Commerce.WebApi.Hosting;

public static class CatalogApiApplicationExtensions
{
    /// <summary>Error handling and documentation middleware, in the order they must run.</summary>
    public static WebApplication UseCatalogApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Unknown routes and wrong methods also answer with problem details rather than an empty body.
        app.UseStatusCodePages();
        app.UseCatalogSecurity();
        app.UseRequestAdmission();
        app.UseSwagger();
        app.UseSwaggerUI(ui => ui.SwaggerEndpoint("/swagger/v1/swagger.json", "Commerce catalog API v1"));
        return app;
    }

    public static WebApplication MapCatalogApi(this WebApplication app)
    {
        app.MapProductEndpoints();
        app.MapStockEndpoints();
        app.MapCartEndpoints();
        app.MapOrderEndpoints();
        app.MapCategoryEndpoints();
        app.MapCatalogHealth();
        return app;
    }
}
