using Commerce.Grains.Carts;
using Commerce.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Tests.Carts;

/// <summary>
/// A catalog on a database of its own whose carts run on a <see cref="ShiftedClock"/> and check their expiry every
/// 2 s (instead of every minute), so expiry by reminder shows within seconds.
/// </summary>
public sealed class ClockedCatalog : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public ShiftedClock Clock { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync("carts");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Catalog", connectionString);
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.UseSetting("Carts:ExpiryCheckPeriod", "00:00:02");
            web.ConfigureTestServices(services => services.AddSingleton(new CartClock(Clock)));
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
