using Commerce.Grains.Hosting;
using Commerce.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Commerce.Tests.Cluster;

/// <summary>
/// A cluster in this test process: N real silos and any number of front-ends in client mode, on a fresh database of
/// their own (two clusters on one database would each run a category-tree grain, and see each other's members).
/// Silos can be added and stopped gracefully.
/// </summary>
/// <remarks>
/// Orleans' InProcessTestCluster is not used here: it always replaces the transport with an in-memory one and, unless
/// an internal option is changed, the membership table too, so neither the PostgreSQL membership table nor a REST
/// front-end in client mode (which connects to gateways over TCP) would be exercised.
/// </remarks>
public sealed class TestCluster : IAsyncDisposable
{
    /// <summary>
    /// As docker-compose.yml and scripts/cluster.sh run front-ends: a call that a leaving or dying silo swallowed fails
    /// after 5 s instead of Orleans' 30 s default. (On a silo the same key would bound silo-to-silo calls too.)
    /// </summary>
    private static readonly Dictionary<string, string> FrontEndSettings = new() { ["Orleans:Messaging:ResponseTimeout"] = "00:00:05" };

    private readonly List<TestNode> _frontEnds = [];

    private TestCluster(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    /// <summary>The membership table's DeploymentId for this cluster.</summary>
    public string ClusterId { get; } = $"test-{Guid.NewGuid():N}";

    public List<TestNode> Silos { get; } = [];

    public static async Task<TestCluster> StartAsync(int silos)
    {
        var cluster = new TestCluster(await TestDatabase.CreateDatabaseAsync("cluster"));
        // The first silo alone applies the migrations and creates the cluster's version row; the rest join side by side.
        await cluster.AddSiloAsync();
        cluster.Silos.AddRange(await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(_ => cluster.StartNodeAsync(ClusterMode.Standalone))));
        await cluster.WaitUntilSettledAsync();
        return cluster;
    }

    /// <summary>Settings every node of this cluster shares; tests may add their own.</summary>
    public IReadOnlyDictionary<string, string> Settings(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Catalog"] = ConnectionString,
            ["Cluster:ClusterId"] = ClusterId,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
            // A silo reads the table every second (Orleans: a minute), so one declared dead there notices soon.
            ["Orleans:Membership:TableRefreshTimeout"] = "00:00:01",
            // A front-end looks for new gateways every second (Orleans: a minute).
            ["Orleans:Gateway:GatewayListRefreshPeriod"] = "00:00:01",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A silo (standalone node: the silo with the REST front-end beside it) joins the cluster.</summary>
    public async Task<TestNode> AddSiloAsync(Action<IServiceCollection>? services = null)
    {
        var silo = await StartNodeAsync(ClusterMode.Standalone, services);
        Silos.Add(silo);
        return silo;
    }

    /// <summary>Stops a silo gracefully and forgets it.</summary>
    public async Task StopSiloAsync(TestNode silo)
    {
        Silos.Remove(silo);
        await silo.DisposeAsync();
    }

    /// <summary>A front-end in client mode; its HttpClient goes through the full REST pipeline.</summary>
    public async Task<TestNode> AddFrontEndAsync()
    {
        var frontEnd = await StartNodeAsync(ClusterMode.Client);
        _frontEnds.Add(frontEnd);
        return frontEnd;
    }

    /// <summary>Every running silo sees exactly the running silos as active.</summary>
    public Task WaitUntilSettledAsync() => Poll.UntilAsync(() =>
    {
        var expected = Silos.Select(s => s.SiloAddress).ToHashSet();
        return Silos.All(s => ActiveIn(s).SetEquals(expected));
    }, "membership to settle");

    /// <summary>The silos that <paramref name="silo"/> sees as active.</summary>
    public static HashSet<SiloAddress> ActiveIn(TestNode silo) =>
        silo.Membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToHashSet();

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _frontEnds.Concat(Silos))
        {
            await node.DisposeAsync();
        }
    }

    private Task<TestNode> StartNodeAsync(ClusterMode mode, Action<IServiceCollection>? services = null) =>
        TestNode.StartAsync(mode, mode == ClusterMode.Client ? Settings(FrontEndSettings) : Settings(), services);
}
