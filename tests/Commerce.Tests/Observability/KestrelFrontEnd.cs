using Commerce.WebApi.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Commerce.Tests.Observability;

/// <summary>
/// The WebApi's pipeline, composed by the same extension methods as Program.cs, in client mode on a real loopback socket: a browser
/// cannot reach the in-memory test server.
/// </summary>
public sealed class KestrelFrontEnd : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelFrontEnd(WebApplication app) => _app = app;

    public Uri Address => new(_app.Urls.First());

    public static async Task<KestrelFrontEnd> StartAsync(string connectionString)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Catalog"] = connectionString,
            ["Cluster:Mode"] = "Client",
            ["Cluster:HeartbeatInterval"] = "00:00:00.200",
        });
        builder.AddCatalogFrontEnd();
        var app = builder.Build();
        app.UseCatalogFrontEnd();
        await app.StartAsync();
        return new KestrelFrontEnd(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
