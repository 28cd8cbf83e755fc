using Commerce.Grains.Categories;
using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Products;
using Commerce.Grains.ReadModel;
using Commerce.Grains.Storage;
using Commerce.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Grains.Hosting;

public static class CatalogGrainsServiceCollectionExtensions
{
    /// <summary>Registers the catalog grains and their PostgreSQL storage on a silo's runtime.</summary>
    public static GrainRuntimeBuilder AddCatalogGrains(this GrainRuntimeBuilder runtime) => runtime
        .AddGrain<IProductGrain, ProductGrain>(CatalogGrainTypes.Product)
        .AddGrain<ICategoryGrain, CategoryGrain>(CatalogGrainTypes.Category)
        .AddStorage<ProductState, ProductStorage>()
        .AddStorage<CategoryState, CategoryStorage>();

    /// <summary>Registers what a front-end needs beside grain references: read queries and id allocation.</summary>
    public static IServiceCollection AddCatalogReadModel(this IServiceCollection services)
    {
        services.AddSingleton<ProductSearchQuery>();
        services.AddSingleton<CategoryListQuery>();
        services.AddSingleton<IdAllocator>();
        return services;
    }
}
