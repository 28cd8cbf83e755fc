using System.Net;
using System.Net.Sockets;
using Commerce.Runtime.Activation;
using Commerce.Runtime.Calls;
using Commerce.Runtime.Cluster;
using Commerce.Runtime.Diagnostics;
using Commerce.Runtime.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Commerce.Runtime.Hosting;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime in the role <c>Cluster:Mode</c> names: a standalone silo (default), a silo of a
    /// cluster, or a pure client that hosts no grains.
    /// </summary>
    public static GrainRuntimeBuilder AddGrainRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GrainRuntimeOptions>()
            .Bind(configuration.GetSection(GrainRuntimeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ClusterOptions>()
            .Bind(configuration.GetSection(ClusterOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var cluster = configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();

        services.TryAddSingleton(TimeProvider.System);
        var registry = new GrainTypeRegistry();
        services.AddSingleton(registry);
        services.AddSingleton<IGrainFactory, GrainFactory>();
        services.AddSingleton<ClusterMembership>();
        services.AddMetrics();
        services.AddSingleton(sp => new RuntimeMetrics(
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetRequiredService<ClusterMembership>(), sp.GetService<ActivationDirectory>()));
        if (cluster.Mode != ClusterMode.Client)
        {
            services.AddSingleton<GrainActivator>();
            services.AddSingleton<ActivationDirectory>();
            services.AddSingleton<LocalGrainCallRouter>();
            services.AddSingleton<LocalGrainStateRefresher>();
            services.AddSingleton<SiloStatsSource>();
            services.AddSingleton<IdleActivationCollector>();
            services.AddHostedService(sp => sp.GetRequiredService<IdleActivationCollector>());
        }

        if (cluster.Mode == ClusterMode.Standalone)
        {
            services.AddSingleton<IGrainCallRouter>(sp => sp.GetRequiredService<LocalGrainCallRouter>());
            services.AddSingleton<IGrainStateRefresher>(sp => sp.GetRequiredService<LocalGrainStateRefresher>());
            return new GrainRuntimeBuilder(services, registry);
        }

        SiloEndpoint? endpoint = null;
        services.AddSingleton<MembershipTable>();
        services.AddSingleton<SiloClient>();
        services.AddSingleton(sp => new GrainWireFormat(registry, sp.GetRequiredService<WireContracts>().Resolver));
        services.AddSingleton<IGrainCallRouter>(sp => new ClusterGrainCallRouter(
            sp.GetRequiredService<ClusterMembership>(),
            sp.GetService<LocalGrainCallRouter>(),
            sp.GetRequiredService<SiloClient>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<IOptions<GrainRuntimeOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        if (cluster.Mode == ClusterMode.Silo)
        {
            endpoint = new SiloEndpoint(cluster.ListenAddress, cluster.AdvertisedHost, cluster.SiloPort == 0 ? FreePort(cluster.ListenAddress) : cluster.SiloPort);
            services.AddSingleton(endpoint);
            services.AddSingleton<IGrainStateRefresher, ClusterGrainStateRefresher>();
            services.AddHostedService<OwnershipSweeper>();
        }
        else
        {
            // A client is never called back; the address only names it in logs.
            services.AddSingleton(new SiloEndpoint(cluster.ListenAddress, cluster.AdvertisedHost, 0));
        }

        services.AddHostedService(sp => new MembershipAgent(
            sp.GetRequiredService<MembershipTable>(), sp.GetRequiredService<ClusterMembership>(),
            sp.GetRequiredService<SiloEndpoint>(), sp.GetRequiredService<SiloClient>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<MembershipAgent>>()));
        return new GrainRuntimeBuilder(services, registry) { Mode = cluster.Mode, SiloEndpoint = endpoint };
    }

    // Asking the kernel for an ephemeral port and releasing it leaves a tiny window for someone else to take
    // it; fixed ports are for production, this is for tests and local runs.
    private static int FreePort(string listenAddress)
    {
        using var probe = new TcpListener(IPAddress.Parse(listenAddress), 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

/// <summary>The JSON metadata of the grain contracts, used when calls cross between processes.</summary>
public sealed record WireContracts(System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver Resolver);

/// <summary>Registers grain types and their storage on the runtime.</summary>
public sealed class GrainRuntimeBuilder(IServiceCollection services, GrainTypeRegistry registry)
{
    public IServiceCollection Services { get; } = services;

    public ClusterMode Mode { get; init; } = ClusterMode.Standalone;

    /// <summary>The HTTP/2 endpoint other silos call, when this process is a silo of a cluster.</summary>
    public SiloEndpoint? SiloEndpoint { get; init; }

    public GrainRuntimeBuilder AddGrain<TInterface, TImplementation>(string typeName)
        where TInterface : IGrain
        where TImplementation : Grain, TInterface
    {
        registry.Add(new GrainType(typeName, typeof(TInterface), typeof(TImplementation)));
        return this;
    }

    public GrainRuntimeBuilder AddStorage<TState, TStorage>()
        where TState : class
        where TStorage : class, Storage.IGrainStorage<TState>
    {
        // A pure client hosts no activations, so it has no state to store.
        if (Mode != ClusterMode.Client)
        {
            Services.AddSingleton<Storage.IGrainStorage<TState>, TStorage>();
        }

        return this;
    }

    /// <summary>The source-generated JSON metadata for every type the grain interfaces take and return.</summary>
    public GrainRuntimeBuilder UseWireContracts(System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver resolver)
    {
        Services.AddSingleton(new WireContracts(resolver));
        return this;
    }
}
