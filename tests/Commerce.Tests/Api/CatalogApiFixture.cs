using Commerce.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Commerce.Tests.Api;

/// <summary>
/// One catalog process (front-end with its co-hosted silo) over the test run's real PostgreSQL. Tests share it
/// and keep apart by using fresh names, SKUs and categories of their own.
/// </summary>
public sealed class CatalogApiFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    /// <summary>Another client of the same app, for tests that need other options (such as not following redirects).</summary>
    public HttpClient CreateClient(WebApplicationFactoryClientOptions options) => _factory!.CreateClient(options);

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabase.GetConnectionStringAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Catalog", connectionString);
            web.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        Client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CatalogApiCollectionDefinition : ICollectionFixture<CatalogApiFixture>
{
    public const string Name = "catalog api";
}
