using Commerce.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Commerce.Hosting.Dashboard;

public static class CatalogDashboardExtensions
{
    public const string Path = "/dashboard";

    /// <summary>
    /// Orleans' dashboard on this process's silo (or, on a pure client, the part that reads the silos' figures; every
    /// silo must then have it too) and its optional login. Call after the process's Orleans role is chosen.
    /// </summary>
    public static IHostApplicationBuilder AddCatalogDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardLoginOptions>()
            .Bind(builder.Configuration.GetSection(DashboardLoginOptions.Section))
            .Validate(o => string.IsNullOrEmpty(o.Username) == string.IsNullOrEmpty(o.Password),
                "Dashboard:Username and Dashboard:Password go together: set both, or neither for no login.")
            .ValidateOnStart();
        builder.ConfigureOrleansRole(silo => silo.AddDashboard(), client => client.AddDashboard());
        return builder;
    }

    /// <summary>The dashboard's page, assets and API under <c>/dashboard</c>, behind the login when one is configured.</summary>
    public static RouteGroupBuilder MapCatalogDashboard(this IEndpointRouteBuilder endpoints)
    {
        var dashboard = endpoints.MapOrleansDashboard(Path);
        dashboard.AddEndpointFilter<DashboardBasicAuth>();
        return dashboard;
    }
}
