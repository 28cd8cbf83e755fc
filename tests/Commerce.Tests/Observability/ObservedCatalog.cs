using Commerce.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Tests.Observability;

/// <summary>
/// A catalog process (Program.cs, whatever role its settings give it) in this test process, on the database it is
/// given. With <c>kestrel</c> it listens on a real loopback port, for a browser, which cannot reach the in-memory server.
/// </summary>
public sealed class ObservedCatalog : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private ObservedCatalog(WebApplicationFactory<Program> factory, Uri? address)
    {
        _factory = factory;
        Address = address;
        Client = address is null ? factory.CreateClient() : new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    /// <summary>The loopback address when listening on a socket.</summary>
    public Uri? Address { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>A fresh database of its own, so no other host runs this catalog's category-tree grain.</summary>
    public static async Task<ObservedCatalog> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null, bool kestrel = false, Action<IServiceCollection>? services = null) =>
        await StartAsync(await TestDatabase.CreateDatabaseAsync("observability"), settings, kestrel, services);

    public static Task<ObservedCatalog> StartAsync(
        string connectionString, IReadOnlyDictionary<string, string>? settings, bool kestrel = false, Action<IServiceCollection>? services = null) =>
        // The factory starts its host synchronously: keep that off the test's thread.
        Task.Run(() =>
        {
            var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseSetting("ConnectionStrings:Catalog", connectionString);
                web.UseSetting("Logging:LogLevel:Default", "Warning");
                foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                {
                    web.UseSetting(key, value);
                }

                if (services is not null)
                {
                    web.ConfigureTestServices(services);
                }
            });
            if (!kestrel)
            {
                _ = factory.Services;
                return new ObservedCatalog(factory, null);
            }

            factory.UseKestrel(0);
            factory.StartServer();
            var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new ObservedCatalog(factory, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
        });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
