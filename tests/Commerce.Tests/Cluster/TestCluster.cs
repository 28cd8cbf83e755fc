using Commerce.Runtime.Cluster;
using Commerce.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Tests.Cluster;

/// <summary>
/// A cluster in one process for tests: N real silos and any number of front-ends in client mode, on a fresh
/// database of their own so no other test's membership rows are seen. Silos can be added and stopped.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly List<WebApplicationFactory<Program>> _frontEnds = [];

    private TestCluster(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public List<TestSilo> Silos { get; } = [];

    public static async Task<TestCluster> StartAsync(int silos)
    {
        var cluster = new TestCluster(await TestDatabase.CreateDatabaseAsync("cluster"));
        for (var i = 0; i < silos; i++)
        {
            await cluster.AddSiloAsync();
        }

        await cluster.WaitUntilSettledAsync();
        return cluster;
    }

    public async Task<TestSilo> AddSiloAsync()
    {
        var silo = await TestSilo.StartAsync(ConnectionString);
        Silos.Add(silo);
        return silo;
    }

    /// <summary>Stops a silo gracefully and forgets it.</summary>
    public async Task StopSiloAsync(TestSilo silo)
    {
        Silos.Remove(silo);
        await silo.StopAsync();
        await silo.DisposeAsync();
    }

    /// <summary>
    /// Stops a silo like a crash: it stops heartbeating and listening without telling anyone, so the others have to
    /// declare it dead.
    /// </summary>
    public async Task KillSiloAsync(TestSilo silo)
    {
        Silos.Remove(silo);
        silo.Membership.LeaveOnStop = false;
        await silo.StopAsync();
        await silo.DisposeAsync();
    }

    /// <summary>A front-end in client mode; its HttpClient goes through the full REST pipeline.</summary>
    public async Task<(HttpClient Client, ClusterMembership Membership)> AddFrontEndAsync()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Catalog", ConnectionString);
            web.UseSetting("Cluster:Mode", "Client");
            web.UseSetting("Cluster:HeartbeatInterval", "00:00:00.200");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        _frontEnds.Add(factory);
        var client = factory.CreateClient();
        var membership = factory.Services.GetRequiredService<ClusterMembership>();
        await WaitAsync(() => membership.View.Active.Count == Silos.Count, "front-end to see every silo");
        return (client, membership);
    }

    /// <summary>Every running silo sees exactly the running silos as active.</summary>
    public Task WaitUntilSettledAsync() => WaitAsync(() =>
    {
        var expected = Silos.Select(s => s.Membership.LocalGeneration).Order().ToArray();
        return expected.All(g => g is not null)
            && Silos.All(s => s.Membership.View.Active.Select(a => (long?)a.Generation).Order().SequenceEqual(expected));
    }, "membership to settle");

    public static async Task WaitAsync(Func<bool> condition, string what, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var frontEnd in _frontEnds)
        {
            await frontEnd.DisposeAsync();
        }

        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }
    }
}
