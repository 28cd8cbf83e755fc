using Commerce.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Commerce.Hosting.Dashboard;

public static class CatalogDashboardExtensions
{
    public const string Path = "/dashboard";

    /// <summary>
    /// The setting that turns the dashboard off (it is on by default). Each silo's part of it reads every Orleans
    /// metric once a second, and two of them walk all of the silo's activations and directory cache entries: with
    /// ~100k activations that took about 12-15% of a co-hosted front-end's CPU under search load (docs/PERFORMANCE.md,
    /// issue #13). Set it alike on every process of a cluster: a front-end's dashboard reads the silos'.
    /// </summary>
    private const string EnabledSetting = DashboardLoginOptions.Section + ":Enabled";

    /// <summary>
    /// Orleans' dashboard on this process's silo (or, on a pure client, the part that reads the silos' figures; every
    /// silo must then have it too) and its optional login, unless <see cref="EnabledSetting"/> is false. Call after
    /// the process's Orleans role is chosen.
    /// </summary>
    public static IHostApplicationBuilder AddCatalogDashboard(this IHostApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddOptions<DashboardLoginOptions>()
            .Bind(builder.Configuration.GetSection(DashboardLoginOptions.Section))
            .Validate(o => string.IsNullOrEmpty(o.Username) == string.IsNullOrEmpty(o.Password),
                "Dashboard:Username and Dashboard:Password go together: set both, or neither for no login.")
            .ValidateOnStart();
        builder.ConfigureOrleansRole(silo => silo.AddDashboard(), client => client.AddDashboard());
        return builder;
    }

    /// <summary>
    /// The dashboard's page, assets and API under <c>/dashboard</c>, behind the login when one is configured; nothing
    /// when the dashboard is off.
    /// </summary>
    public static IEndpointRouteBuilder MapCatalogDashboard(this IEndpointRouteBuilder endpoints)
    {
        if (IsEnabled(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            endpoints.MapOrleansDashboard(Path).AddEndpointFilter<DashboardBasicAuth>();
        }

        return endpoints;
    }

    private static bool IsEnabled(IConfiguration configuration) => configuration.GetValue(EnabledSetting, defaultValue: true);
}
