using Commerce.Runtime.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Commerce.Tests.Api;
using Npgsql;

namespace Commerce.Tests.Cluster;

/// <summary>Membership: joining, generations, graceful leave, and a silo that was declared dead fencing itself off.</summary>
public sealed class ClusterMembershipTests
{
    [Fact]
    public async Task Silos_join_with_distinct_generations_and_all_see_each_other()
    {
        await using var cluster = await TestCluster.StartAsync(3);

        var generations = cluster.Silos.Select(s => s.Generation).ToArray();
        Assert.Equal(3, generations.Distinct().Count());
        Assert.All(cluster.Silos, silo => Assert.Equal(generations.Order(), silo.Membership.View.Active.Select(a => a.Generation)));
    }

    [Fact]
    public async Task A_graceful_stop_leaves_at_once_and_a_restart_joins_as_a_new_generation()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var leaving = cluster.Silos[0];
        var oldGeneration = leaving.Generation;
        var survivor = cluster.Silos[1];

        var stopped = DateTime.UtcNow;
        await cluster.StopSiloAsync(leaving);
        // Well inside the 2 s death timeout: the leaving silo said goodbye instead of going quiet.
        await TestCluster.WaitAsync(() => survivor.Membership.View.Active.Count == 1, "the survivor to drop the leaver", seconds: 1.5);
        Assert.True(DateTime.UtcNow - stopped < TimeSpan.FromSeconds(1.5));
        Assert.Equal("dead", await StatusAsync(cluster, oldGeneration));

        var restarted = await cluster.AddSiloAsync();
        await cluster.WaitUntilSettledAsync();
        Assert.True(restarted.Generation > oldGeneration);
        Assert.Equal("dead", await StatusAsync(cluster, oldGeneration));
    }

    [Fact]
    public async Task A_silo_that_crashes_is_declared_dead_and_its_grains_are_served_by_the_others()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var (client, membership) = await cluster.AddFrontEndAsync();
        var ids = new List<long>();
        for (var i = 0; i < 9; i++)
        {
            ids.Add((await client.CreateProductAsync(title: $"Survivor {i}"))["id"]!.GetValue<long>());
        }

        var victim = cluster.Silos[1];
        var generation = victim.Generation;
        await cluster.KillSiloAsync(victim);

        // The test cluster's death timeout is 2 s; the survivors must agree well within that plus a heartbeat.
        await TestCluster.WaitAsync(() => cluster.Silos.All(s => s.Membership.View.Find(generation) is null), "the survivors to drop the crashed silo", seconds: 5);
        Assert.Equal("dead", await StatusAsync(cluster, generation));
        for (var i = 0; i < ids.Count; i++)
        {
            var product = await client.ApiGetAsync($"/api/v1/products/{ids[i]}");
            product.AssertStatus(System.Net.HttpStatusCode.OK);
            Assert.Equal($"Survivor {i}", product.Json["title"]!.GetValue<string>());
        }

        Assert.DoesNotContain(membership.View.Active, s => s.Generation == generation);
    }

    [Fact]
    public async Task A_silo_declared_dead_stops_itself_and_never_serves_under_that_generation_again()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var victim = cluster.Silos[0];
        var lifetime = victim.Services.GetRequiredService<IHostApplicationLifetime>();

        await using (var connection = new NpgsqlConnection(cluster.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE cluster_members SET status = 'dead' WHERE generation = $1", connection);
            command.Parameters.Add(new() { Value = victim.Generation });
            await command.ExecuteNonQueryAsync();
        }

        await TestCluster.WaitAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "the dead silo to stop itself", seconds: 5);
        Assert.Equal("dead", await StatusAsync(cluster, victim.Generation));
        cluster.Silos.Remove(victim);
        await victim.DisposeAsync();
    }

    [Fact]
    public async Task Placement_is_the_same_in_every_process_and_spreads_grains_over_all_silos()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var views = cluster.Silos.Select(s => s.Membership.View).ToArray();
        var owners = Enumerable.Range(1, 3000)
            .Select(key => new Commerce.Runtime.Identity.GrainId("product", key))
            .Select(id => views.Select(view => GrainPlacement.OwnerOf(id, view)!.Generation).Distinct().Single())
            .GroupBy(generation => generation)
            .ToDictionary(group => group.Key, group => group.Count());

        Assert.Equal(3, owners.Count);
        Assert.All(owners.Values, count => Assert.InRange(count, 800, 1200));
    }

    private static async Task<string> StatusAsync(TestCluster cluster, long generation)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status FROM cluster_members WHERE generation = $1", connection);
        command.Parameters.Add(new() { Value = generation });
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
