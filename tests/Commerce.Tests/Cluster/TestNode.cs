using Commerce.Grains.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Commerce.Tests.Cluster;

/// <summary>
/// One catalog process of a test cluster, hosted in this test process by <see cref="WebApplicationFactory{Program}"/>:
/// in <see cref="ClusterMode.Standalone"/> it is a real silo (ADO.NET membership and storage on PostgreSQL, TCP silo
/// and gateway ports) with the REST front-end beside it; in <see cref="ClusterMode.Client"/> a front-end that reaches
/// the silos through their gateways.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private TestNode(WebApplicationFactory<Program> factory, ClusterMode mode)
    {
        _factory = factory;
        Mode = mode;
        Client = factory.CreateClient();
    }

    public ClusterMode Mode { get; }

    /// <summary>Requests through this node's whole REST pipeline.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>The silo's address; its generation tells a restarted silo from the one before.</summary>
    public SiloAddress SiloAddress => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>Membership as this silo sees it.</summary>
    public IClusterMembershipService Membership => Services.GetRequiredService<IClusterMembershipService>();

    /// <summary>Starts the node; it is up once its host has started (a silo has joined, a client has connected).</summary>
    public static Task<TestNode> StartAsync(ClusterMode mode, IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null) =>
        // The factory starts its host synchronously; on a thread of its own several nodes start side by side.
        Task.Run(() => Start(mode, settings, services));

    private static TestNode Start(ClusterMode mode, IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.UseSetting("Cluster:Mode", mode.ToString());
            if (services is not null)
            {
                web.ConfigureTestServices(services);
            }
        });
        // The first use of Services builds and starts the host.
        _ = factory.Services;
        return new TestNode(factory, mode);
    }

    /// <summary>A graceful stop: the silo tells the cluster it leaves and hands its grains over.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
