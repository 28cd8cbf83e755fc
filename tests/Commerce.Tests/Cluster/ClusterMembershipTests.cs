using System.Net;
using Commerce.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;

namespace Commerce.Tests.Cluster;

/// <summary>
/// Orleans membership on the catalog's PostgreSQL: joining, generations, a graceful leave that hands grains over, a
/// silo declared dead fencing itself off, one activation per grain spread over the silos. A crashed silo being
/// declared dead by the others is <see cref="SiloCrashTests"/>' part (it needs a real process to kill).
/// </summary>
[Collection(ClusterTestGroup.Name)]
public sealed class ClusterMembershipTests
{
    [Fact]
    public async Task Silos_join_with_distinct_generations_and_all_see_each_other()
    {
        await using var cluster = await TestCluster.StartAsync(3);

        var silos = cluster.Silos.Select(s => s.SiloAddress).ToHashSet();
        Assert.Equal(3, silos.Select(s => s.Generation).Distinct().Count());
        Assert.All(cluster.Silos, silo => Assert.Equal(silos, TestCluster.ActiveIn(silo)));
        var rows = await TestClusterDatabase.MembersAsync(cluster.ConnectionString, cluster.ClusterId);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal(SiloStatus.Active, row.Status));
        Assert.All(silos, silo => Assert.Single(rows, row => row.Is(silo)));
    }

    [Fact]
    public async Task A_graceful_stop_hands_grains_over_at_once_and_a_restart_joins_as_a_new_generation()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var leaving = cluster.Silos[0];
        var survivor = cluster.Silos[1];
        var old = leaving.SiloAddress;
        // Products created through the leaving silo's front-end; some are active on it.
        var products = new List<(long Id, string Title)>();
        for (var i = 0; i < 8; i++)
        {
            var title = $"Handed over {i}";
            products.Add(((await leaving.Client.CreateProductAsync(title: title)).Id(), title));
        }

        await cluster.StopSiloAsync(leaving);
        // Failure detection keeps Orleans' defaults here (3 missed 5 s probes, then votes): being dropped well within
        // that shows the leaving silo said goodbye instead of going quiet.
        await Poll.UntilAsync(() => !TestCluster.ActiveIn(survivor).Contains(old), "the survivor to drop the leaver", seconds: 8);
        Assert.Equal(SiloStatus.Dead, await TestClusterDatabase.StatusAsync(cluster.ConnectionString, cluster.ClusterId, old));
        foreach (var (id, title) in products)
        {
            var product = await survivor.Client.ApiGetAsync($"/api/v1/products/{id}");
            product.AssertStatus(HttpStatusCode.OK);
            Assert.Equal(title, product.Json.Text("title"));
        }

        var restarted = await cluster.AddSiloAsync();
        await cluster.WaitUntilSettledAsync();
        Assert.True(restarted.SiloAddress.Generation > old.Generation);
        Assert.Equal(SiloStatus.Dead, await TestClusterDatabase.StatusAsync(cluster.ConnectionString, cluster.ClusterId, old));
    }

    [Fact]
    public async Task A_silo_declared_dead_stops_itself_and_never_serves_under_that_generation_again()
    {
        await using var cluster = await TestCluster.StartAsync(1);
        // In production Orleans' fatal-error handler ends the process; here it must end only the victim's host.
        var fatal = new FatalErrorRecorder();
        var victim = await cluster.AddSiloAsync(services => services.Replace(ServiceDescriptor.Singleton<IFatalErrorHandler>(fatal)));
        await cluster.WaitUntilSettledAsync();
        var survivor = cluster.Silos[0];
        var address = victim.SiloAddress;
        var lifetime = victim.Services.GetRequiredService<IHostApplicationLifetime>();
        fatal.OnFatal = lifetime.StopApplication;

        await TestClusterDatabase.DeclareDeadAsync(cluster.ConnectionString, cluster.ClusterId, address);

        await Poll.UntilAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "the dead silo to stop itself", seconds: 10);
        Assert.Contains("I have been told I am dead", fatal.Context, StringComparison.Ordinal);
        await Poll.UntilAsync(() => !TestCluster.ActiveIn(survivor).Contains(address), "the survivor to drop the dead silo");
        Assert.Equal(SiloStatus.Dead, await TestClusterDatabase.StatusAsync(cluster.ConnectionString, cluster.ClusterId, address));
        cluster.Silos.Remove(victim);
        await victim.DisposeAsync();
        (await survivor.Client.CreateProductAsync()).Id();
    }

    [Fact]
    public async Task Each_grain_has_one_activation_whichever_silo_calls_it_and_grains_spread_over_all_silos()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var management = cluster.Silos[0].Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var ids = new List<long>();
        List<DetailedGrainStatistic> activations;
        // Orleans places by each silo's load (resource-optimized placement), preferring the calling silo within a
        // margin: three silos in one busy test process can report uneven load for a while, so products are created
        // in rounds until every silo holds one, up to 300.
        do
        {
            for (var i = 0; i < 30; i++)
            {
                var node = cluster.Silos[ids.Count % 3];
                var id = (await node.Client.CreateProductAsync()).Id();
                ids.Add(id);
                // Read through every silo: each finds the one activation instead of making its own.
                foreach (var reader in cluster.Silos)
                {
                    (await reader.Client.ApiGetAsync($"/api/v1/products/{id}")).AssertStatus(HttpStatusCode.OK);
                }
            }

            activations = (await management.GetDetailedGrainStatistics())
                .Where(a => a.GrainId.Type.ToString() == "product" && ids.Contains(a.GrainId.GetIntegerKey()))
                .ToList();
        }
        while (activations.Select(a => a.SiloAddress).Distinct().Count() < cluster.Silos.Count && ids.Count < 300);

        Assert.Equal(ids.Count, activations.Count);
        Assert.Equal(ids.Count, activations.Select(a => a.GrainId).Distinct().Count());
        Assert.Equal(cluster.Silos.Select(s => s.SiloAddress).ToHashSet(), activations.Select(a => a.SiloAddress).ToHashSet());
    }

    /// <summary>Records the fatal error Orleans raises and hands the stop to the test instead of ending the process.</summary>
    private sealed class FatalErrorRecorder : IFatalErrorHandler
    {
        public string Context { get; private set; } = "";

        public Action OnFatal { get; set; } = () => { };

        public bool IsUnexpected(Exception exception) => true;

        public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
        {
            Context = context ?? "";
            OnFatal();
        }
    }
}
