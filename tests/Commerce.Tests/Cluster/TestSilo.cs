using Commerce.Runtime.Cluster;
using Commerce.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commerce.Tests.Cluster;

/// <summary>A real silo host in this process: its own DI container, Kestrel on loopback, the silo HTTP/2 port.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestSilo(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public ClusterMembership Membership => _app.Services.GetRequiredService<ClusterMembership>();

    public long Generation => Membership.LocalGeneration ?? throw new InvalidOperationException("The silo has not joined.");

    public static async Task<TestSilo> StartAsync(string connectionString, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Catalog"] = connectionString,
            ["Cluster:Mode"] = "Silo",
            ["Cluster:HeartbeatInterval"] = "00:00:00.200",
            ["Cluster:DeathTimeout"] = "00:00:02",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddCatalogSilo();
        var app = builder.Build();
        app.MapCatalogSilo();
        await app.StartAsync();
        return new TestSilo(app);
    }

    /// <summary>A graceful stop: the silo leaves membership and tells the others.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
