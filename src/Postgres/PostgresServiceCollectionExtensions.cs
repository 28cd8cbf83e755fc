using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Commerce.Postgres;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Adds the catalog's PostgreSQL: the configured server (<c>Database:ConnectionString</c>, else
    /// <c>ConnectionStrings:Catalog</c>) or a private one started from local binaries, migrated with the
    /// <c>sql/*.sql</c> resources of <paramref name="migrationsAssembly"/>, and an <see cref="NpgsqlDataSource"/>
    /// usable once the host has started. Call it before adding other hosted services: those start after it and
    /// stop before it. A second call changes nothing.
    /// </summary>
    public static IServiceCollection AddPostgres(
        this IServiceCollection services, IConfiguration configuration, Assembly migrationsAssembly)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(migrationsAssembly);
        if (services.Any(d => d.ServiceType == typeof(DatabaseStartup)))
        {
            return services;
        }

        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.ConnectionString))
                {
                    o.ConnectionString = configuration.GetConnectionString("Catalog");
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DatabaseEndpoint>();
        services.AddSingleton(sp => new DatabaseStartup(
            sp.GetRequiredService<IOptions<DatabaseOptions>>(),
            sp.GetRequiredService<DatabaseEndpoint>(),
            migrationsAssembly,
            sp.GetRequiredService<ILogger<DatabaseStartup>>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DatabaseStartup>());

        // Built on first use, which must come after startup has set the endpoint.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var builder = new NpgsqlDataSourceBuilder(sp.GetRequiredService<DatabaseEndpoint>().ConnectionString);
            builder.ConnectionStringBuilder.MaxPoolSize = options.MaxPoolSize;
            builder.ConnectionStringBuilder.MaxAutoPrepare = options.MaxAutoPrepare;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = options.AutoPrepareMinUsages;
            builder.ConnectionStringBuilder.CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
            builder.ConnectionStringBuilder.Timeout = (int)Math.Ceiling(options.ConnectionTimeout.TotalSeconds);
            builder.ConnectionStringBuilder.Enlist = false;
            builder.ConnectionStringBuilder.NoResetOnClose = true;
            builder.UseLoggerFactory(sp.GetService<ILoggerFactory>());
            return builder.Build();
        });
        services.AddSingleton<DeferredDataSource>();
        return services;
    }
}
