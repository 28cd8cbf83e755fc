using Commerce.Tests.Infrastructure;
using Orleans.Runtime;

namespace Commerce.Tests.Cluster;

/// <summary>
/// A silo process that cannot start (its HTTP port is taken) joins the cluster before its web server fails to bind.
/// It must leave the cluster and exit non-zero, so that an orchestrator sees the failure and restarts it, instead of
/// hanging on as a half-started member.
/// </summary>
[Collection(ClusterTestGroup.Name)]
public sealed class SiloStartFailureTests
{
    [Fact]
    public async Task A_silo_whose_http_port_is_taken_leaves_the_cluster_and_exits_with_a_failure_code()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync("startfail");
        const string clusterId = "startfail";
        var logs = Directory.CreateTempSubdirectory("commerce-startfail-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Catalog"] = connectionString,
            ["Cluster__ClusterId"] = clusterId,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var first = await SiloProcess.StartSiloAsync(settings, logs);
        await first.WaitUntilReadyAsync(http);

        using var second = await SiloProcess.StartSiloAsync(settings, logs, httpPort: first.HttpPort);

        Assert.Equal(1, await second.WaitForExitAsync(seconds: 90));
        var log = await File.ReadAllTextAsync(second.LogFile);
        Assert.Contains("address already in use", log, StringComparison.Ordinal);
        Assert.Contains("The node failed to start; it leaves the cluster and exits", log, StringComparison.Ordinal);
        // It had joined (the silo starts before the web server) and then left: no longer active, the first one still is.
        var members = await TestClusterDatabase.MembersAsync(connectionString, clusterId);
        Assert.Equal(SiloStatus.Dead, Assert.Single(members, m => m.Port == second.SiloPort).Status);
        Assert.Equal(SiloStatus.Active, Assert.Single(members, m => m.Port == first.SiloPort).Status);
        Directory.Delete(logs, recursive: true);
    }
}
