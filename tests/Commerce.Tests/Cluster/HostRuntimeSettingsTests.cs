using System.Text.Json.Nodes;

namespace Commerce.Tests.Cluster;

/// <summary>
/// The runtime settings the two hosts were measured with (src/ServiceHost.props, docs/PERFORMANCE.md) reach the
/// runtimeconfig.json each host starts with (both import the props file, so a container build carries them too).
/// </summary>
public sealed class HostRuntimeSettingsTests
{
    [Theory]
    [InlineData("WebApi")]
    [InlineData("Silo")]
    public async Task The_host_starts_with_server_GC_and_briefly_spinning_thread_pool_workers(string project)
    {
        await SiloProcess.EnsureSiloBuiltAsync();
        var runtimeConfig = JsonNode.Parse(await File.ReadAllTextAsync(SiloProcess.OutputOf(project, $"Commerce.{project}.runtimeconfig.json")))!;
        var properties = runtimeConfig["runtimeOptions"]!["configProperties"]!;

        Assert.True(properties["System.GC.Server"]!.GetValue<bool>());
        Assert.Equal(10, properties["System.Threading.ThreadPool.UnfairSemaphoreSpinLimit"]!.GetValue<int>());
    }
}
