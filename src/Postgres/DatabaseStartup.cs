using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Postgres;

/// <summary>
/// Finds or starts the database and brings its schema up to date. It works in the lifecycle's Starting and
/// Stopped phases, so the database is ready before any hosted service (or the web server) starts, and stays up
/// until every hosted service has stopped.
/// </summary>
internal sealed class DatabaseStartup(
    IOptions<DatabaseOptions> options,
    DatabaseEndpoint endpoint,
    Assembly migrationsAssembly,
    ILogger<DatabaseStartup> logger) : IHostedLifecycleService
{
    // A server started next to the app (e.g. by docker compose) may take a while to accept connections.
    private const int ConnectAttempts = 30;
    private static readonly TimeSpan ConnectRetryDelay = TimeSpan.FromSeconds(1);

    private EmbeddedPostgres? embedded;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.ConnectionString;
        string connectionString;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            connectionString = configured;
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.UsingConfiguredServer(PostgresReadiness.Describe(configured));
            }
        }
        else
        {
            embedded = await EmbeddedPostgres.StartAsync(
                EmbeddedPostgresSettings.From(options.Value, logger), logger, cancellationToken);
            connectionString = embedded.ConnectionString;
        }

        try
        {
            await PostgresReadiness.WaitAsync(
                connectionString, ConnectAttempts, ConnectRetryDelay, logger, cancellationToken);
            await new SchemaMigrator(migrationsAssembly, logger)
                .MigrateAsync(connectionString, cancellationToken);
            endpoint.Set(connectionString);
        }
        catch
        {
            await StopEmbeddedAsync();
            throw;
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => StopEmbeddedAsync();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Task StopEmbeddedAsync() => embedded?.StopAsync() ?? Task.CompletedTask;
}
