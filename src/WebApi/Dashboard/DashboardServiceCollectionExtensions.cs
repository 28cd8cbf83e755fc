namespace Commerce.WebApi.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's history sampler, silo fan-out and optional login.</summary>
    public static IHostApplicationBuilder AddCatalogDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardOptions>().Bind(builder.Configuration.GetSection(DashboardOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<SiloStatsReader>();
        builder.Services.AddSingleton<DashboardHistory>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DashboardHistory>());
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(DashboardJsonContext.Default));
        return builder;
    }
}
