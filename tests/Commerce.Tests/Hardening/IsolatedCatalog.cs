using Commerce.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Commerce.Tests.Hardening;

/// <summary>A catalog app of its own, on a database of its own (or a given one), with extra settings.</summary>
public sealed class IsolatedCatalog : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private IsolatedCatalog(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        ConnectionString = connectionString;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Catalog", connectionString);
            web.UseSetting("Logging:LogLevel:Default", "Error");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });
        Client = _factory.CreateClient();
    }

    public string ConnectionString { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<IsolatedCatalog> StartAsync(string? connectionString = null, IReadOnlyDictionary<string, string>? settings = null) =>
        new(connectionString ?? await TestDatabase.CreateDatabaseAsync("hardening"), settings ?? new Dictionary<string, string>());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
