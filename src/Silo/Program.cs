using Commerce.Silo.Health;
using Commerce.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Commerce.Silo;

/// <summary>A silo on its own: hosts grains for the cluster, serves no REST API.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddCatalogSilo();
        var app = builder.Build();
        app.MapCatalogSilo();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) });
        app.Run();
    }
}
