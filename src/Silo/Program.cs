using Commerce.Silo.Health;
using Commerce.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration.Memory;

namespace Commerce.Silo;

/// <summary>A silo on its own: hosts grains for the cluster, serves no REST API.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // Defaults below every other source, so appsettings, environment and arguments still override them.
        // They live in code rather than an appsettings.json, which would be copied into the front-end's output too.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Cluster:Mode"] = "Silo",
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Npgsql"] = "Warning",
            },
        });
        builder.AddCatalogSilo();
        var app = builder.Build();
        app.MapCatalogSilo();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) });
        app.Run();
    }
}
