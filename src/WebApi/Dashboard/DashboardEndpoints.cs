using System.Text.Json;
using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Products;
using Commerce.Runtime.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.WebApi.Dashboard;

/// <summary><c>/dashboard</c>: a read-only page and the JSON it polls. Nothing here changes the catalog.</summary>
public static class DashboardEndpoints
{
    public static RouteGroupBuilder MapCatalogDashboard(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/dashboard").AddEndpointFilter<DashboardBasicAuth>().ExcludeFromDescription();
        group.MapGet("/", () => DashboardAssets.Serve("index.html"));
        group.MapGet("/{file}", (string file) => DashboardAssets.Serve(file));
        group.MapGet("/api/overview", (DashboardHistory history) => TypedResults.Ok(DashboardViews.Overview(history.Samples)));
        group.MapGet("/api/grains", (DashboardHistory history) => TypedResults.Ok(DashboardViews.Grains(history.Samples)));
        group.MapGet("/api/silos", (DashboardHistory history, TimeProvider time) => TypedResults.Ok(DashboardViews.Silos(history.Samples, time.GetUtcNow())));
        group.MapGet("/api/state/{type}/{id:long}", GetGrainState);
        return group;
    }

    /// <summary>Asks the grain itself, so the page shows the live activation's state rather than the read table.</summary>
    public static async Task<Results<Ok<GrainStateResponse>, NotFound>> GetGrainState(string type, long id, IGrainFactory grains)
    {
        var contracts = GrainContractsJsonContext.Default;
        GrainStateResponse? state = type switch
        {
            "product" => await grains.GetGrain<IProductGrain>(id).GetAsync() is { } product
                ? new(type, id, product.Version, JsonSerializer.SerializeToElement(product, contracts.ProductSnapshot))
                : null,
            "category" => await grains.GetGrain<ICategoryGrain>(id).GetAsync() is { } category
                ? new(type, id, category.Version, JsonSerializer.SerializeToElement(category, contracts.CategorySnapshot))
                : null,
            _ => null,
        };
        return state is null ? TypedResults.NotFound() : TypedResults.Ok(state);
    }
}
