using Microsoft.Extensions.DependencyInjection;

namespace Commerce.ReadModel;

public static class ReadModelServiceCollectionExtensions
{
    /// <summary>The read-side queries and id allocation; they need the catalog's <c>NpgsqlDataSource</c>.</summary>
    public static IServiceCollection AddCatalogReadModel(this IServiceCollection services)
    {
        services.AddSingleton<ProductSearchQuery>();
        services.AddSingleton<CategoryListQuery>();
        services.AddSingleton<IdSequence>();
        services.AddSingleton<OrderHistoryQuery>();
        return services;
    }
}
