using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.ReadModel;

public static class ReadModelServiceCollectionExtensions
{
    /// <summary>The read-side queries and id allocation; they need the catalog's <c>NpgsqlDataSource</c>.</summary>
    public static IServiceCollection AddCatalogReadModel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>()
            .Bind(configuration.GetSection(SearchOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SearchTurns>();
        services.AddSingleton<PriceBands>();
        services.AddSingleton<ProductSearchQuery>();
        services.AddSingleton<CategoryListQuery>();
        services.AddSingleton<IdSequence>();
        services.AddSingleton<OrderHistoryQuery>();
        return services;
    }
}
