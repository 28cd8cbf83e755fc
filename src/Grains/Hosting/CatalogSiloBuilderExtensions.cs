using System.Net;
using System.Net.Sockets;
using Commerce.Grains.Carts;
using Commerce.Grains.Categories;
using Commerce.Grains.Orders;
using Commerce.Grains.Products;
using Commerce.Grains.ReadRows;
using Commerce.Grains.Storage;
using Commerce.Grains.Telemetry;
using Commerce.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Commerce.Grains.Hosting;

public static class CatalogSiloBuilderExtensions
{
    private const string Invariant = "Npgsql";
    private const string MembershipSection = "Orleans:Membership";

    /// <summary>
    /// A silo of the catalog: ADO.NET clustering, grain storage (JSON state) and reminders on the catalog's
    /// PostgreSQL, the catalog grains with their read-row projections, and the read-row sweep.
    /// </summary>
    public static ISiloBuilder AddCatalogSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var services = silo.Services;
        services.AddCatalogClusterOptions(configuration);
        services.AddOptions<EndpointOptions>().Configure<IOptions<CatalogClusterOptions>>((endpoint, cluster) =>
        {
            endpoint.AdvertisedIPAddress = Resolve(cluster.Value.AdvertisedHost);
            endpoint.SiloPort = cluster.Value.SiloPort != 0 ? cluster.Value.SiloPort : FreePort();
            endpoint.GatewayPort = cluster.Value.GatewayPort != 0 ? cluster.Value.GatewayPort : FreePort();
        });
        // Failure detection keeps Orleans' defaults unless "Orleans:Membership" sets them (tests shorten them). Orleans
        // binds "Orleans:Messaging" and "Orleans:Endpoints" of a silo itself, but not its membership options.
        services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection(MembershipSection));
        silo.UseAdoNetClustering(options => options.Configure<DeferredDataSource>((o, database) =>
        {
            o.Invariant = Invariant;
            o.DataSource = database;
        }));
        silo.AddAdoNetGrainStorage(GrainStorageNames.Provider, options => options.Configure<DeferredDataSource>((o, database) =>
        {
            o.Invariant = Invariant;
            o.DataSource = database;
            o.GrainStorageSerializer = new JsonGrainStateSerializer();
        }));
        silo.UseAdoNetReminderService(options => options.Configure<DeferredDataSource>((o, database) =>
        {
            o.Invariant = Invariant;
            o.DataSource = database;
        }));
        return silo.AddCatalogGrains(configuration);
    }

    /// <summary>The catalog grains' own services, whatever storage and clustering the silo has (tests use this alone).</summary>
    public static ISiloBuilder AddCatalogGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        var services = silo.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProductReadRow>();
        services.AddSingleton<CategoryReadRow>();
        services.AddSingleton<ProductCategoryPaths>();
        services.AddSingleton<StoredGrainStates>();
        services.AddSingleton<MutationMetrics>();
        services.AddSingleton<ShoppingMetrics>();
        services.AddSingleton<OrderMetrics>();
        services.AddSingleton<OrderReadRows>();
        services.TryAddSingleton(sp => new CartClock(sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<CartOptions>()
            .Bind(configuration.GetSection(CartOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // A cart's expiry reminder ticks every ExpiryCheckPeriod; Orleans refuses periods under its minimum (1 min), so a
        // shorter check period (tests) lowers the minimum with it.
        services.AddOptions<ReminderOptions>().Configure<IOptions<CartOptions>>((reminders, carts) =>
            reminders.MinimumReminderPeriod = TimeSpan.FromTicks(Math.Min(reminders.MinimumReminderPeriod.Ticks, carts.Value.ExpiryCheckPeriod.Ticks)));
        services.AddOptions<ReadRowSweepOptions>()
            .Bind(configuration.GetSection(ReadRowSweepOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<ReadRowSweepService>();
        return silo;
    }

    /// <summary>A pure client of the catalog's silos: finds their gateways in the ADO.NET membership table.</summary>
    public static IClientBuilder AddCatalogClient(this IClientBuilder client, IConfiguration configuration)
    {
        client.Services.AddCatalogClusterOptions(configuration);
        client.UseAdoNetClustering(options => options.Configure<DeferredDataSource>((o, database) =>
        {
            o.Invariant = Invariant;
            o.DataSource = database;
        }));
        return client;
    }

    private static void AddCatalogClusterOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogClusterOptions>()
            .Bind(configuration.GetSection(CatalogClusterOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // One id per process start for a standalone process, drawn once.
        var standaloneId = new Lazy<string>(() => $"standalone-{Guid.NewGuid():N}");
        services.AddOptions<ClusterOptions>().Configure<IOptions<CatalogClusterOptions>>((orleans, cluster) =>
        {
            orleans.ClusterId = cluster.Value.EffectiveClusterId(() => standaloneId.Value);
            orleans.ServiceId = cluster.Value.ServiceId;
        });
    }

    private static IPAddress Resolve(string host) =>
        IPAddress.TryParse(host, out var address)
            ? address
            : Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
