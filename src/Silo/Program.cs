using Commerce.Grains.Hosting;
using Commerce.Hosting;
using Commerce.Hosting.Dashboard;
using Commerce.Hosting.Health;
using Commerce.Hosting.Telemetry;
using Microsoft.Extensions.Configuration.Memory;

// A silo on its own: hosts grains for the cluster (clients reach it through its gateway port); over HTTP it serves
// health and /metrics. Settings files ship next to the binaries, so the working directory does not matter.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// Defaults below every other source, so appsettings, environment and arguments still override them. They live in
// code rather than an appsettings.json, which would be copied into the front-end's output too.
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?>
    {
        ["Cluster:Mode"] = nameof(ClusterMode.Silo),
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Orleans"] = "Warning",
        ["Logging:LogLevel:Npgsql"] = "Warning",
        ["Logging:LogLevel:Polly"] = "Warning",
    },
});
builder.AddCatalogDatabase();
builder.UseOrleans(silo => silo.AddCatalogSilo(builder.Configuration));
builder.AddCatalogHealthChecks();
builder.AddCatalogTelemetry();
// The dashboard's figures of this silo, for the front-ends that show /dashboard.
builder.AddCatalogDashboard();

var app = builder.Build();
app.MapCatalogHealth();
app.MapCatalogMetrics();
return await app.RunCatalogNodeAsync();
