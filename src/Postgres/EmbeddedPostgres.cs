using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Commerce.Postgres;

/// <summary>
/// A private PostgreSQL server run from the machine's own binaries, on a data folder that outlives it.
/// When a server already runs on that folder it is used as is and left running.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    // A server found running may itself still be starting up; give it as long as pg_ctl start would.
    private const int ReuseWaitAttempts = 240;
    private static readonly TimeSpan ReuseWaitDelay = TimeSpan.FromMilliseconds(250);

    private readonly PostgresBinaries binaries;
    private readonly ILogger logger;
    private int stopped;

    private EmbeddedPostgres(
        PostgresBinaries binaries, string dataDirectory, int port, string database, bool ownsServer, ILogger logger)
    {
        this.binaries = binaries;
        this.logger = logger;
        DataDirectory = dataDirectory;
        OwnsServer = ownsServer;
        ConnectionString = ConnectionStringFor(port, database);
    }

    /// <summary>To the target database, as the <c>postgres</c> superuser over TCP on 127.0.0.1.</summary>
    public string ConnectionString { get; }

    public string DataDirectory { get; }

    /// <summary>False when the server was already running; it is then not stopped by <see cref="StopAsync"/>.</summary>
    public bool OwnsServer { get; }

    /// <exception cref="InvalidOperationException">No binaries, an unusable data folder, or the server failed to start.</exception>
    public static async Task<EmbeddedPostgres> StartAsync(
        EmbeddedPostgresSettings settings, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var binaries = PostgresBinaries.Locate(settings.BinDirectory);
        var dataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.DataDirectory));
        Directory.CreateDirectory(Path.GetDirectoryName(dataDirectory)!);

        // Two processes starting on one folder at once must not both run initdb or pg_ctl start.
        using var startLock = await StartLock.AcquireAsync(dataDirectory + ".lock", ct);
        var running = PostmasterPidFile.TryRead(dataDirectory);
        if (running is not null && running.BelongsToLiveServer(dataDirectory))
        {
            logger.ReusingServer(dataDirectory, running.Port);
            var reused = new EmbeddedPostgres(
                binaries, dataDirectory, running.Port, settings.DatabaseName, ownsServer: false, logger);
            await PostgresReadiness.WaitAsync(
                ConnectionStringFor(running.Port, "postgres"), ReuseWaitAttempts, ReuseWaitDelay, logger, ct);
            await PostgresDatabases.CreateIfMissingAsync(reused.ConnectionString, logger, ct);
            return reused;
        }

        if (File.Exists(PostmasterPidFile.PathIn(dataDirectory)))
        {
            // Left by a crash; its process id may now belong to something else, which would block pg_ctl.
            logger.RemovingStalePidFile(dataDirectory);
            File.Delete(PostmasterPidFile.PathIn(dataDirectory));
        }

        if (!PostgresDataDirectory.IsInitialized(dataDirectory))
        {
            logger.InitializingDataDirectory(dataDirectory, binaries.Directory);
            await PostgresDataDirectory.InitializeAsync(binaries, dataDirectory, ct);
        }

        var port = settings.Port != 0 ? settings.Port : FreeLoopbackPort();
        PostgresDataDirectory.WriteSettings(dataDirectory, port);
        await ServerUserAccess.GrantAsync(dataDirectory, ct);
        await StartServerAsync(binaries, dataDirectory, ct);
        logger.StartedServer(port, dataDirectory);

        var server = new EmbeddedPostgres(binaries, dataDirectory, port, settings.DatabaseName, ownsServer: true, logger);
        try
        {
            await PostgresDatabases.CreateIfMissingAsync(server.ConnectionString, logger, ct);
        }
        catch
        {
            await server.StopAsync();
            throw;
        }

        return server;
    }

    /// <summary>Stops the server with a fast shutdown (clients are disconnected), unless it was already running.</summary>
    public async Task StopAsync()
    {
        if (!OwnsServer || Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        await PostgresCommand.RunAsServerUserCheckedAsync(
            binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], CancellationToken.None);
        logger.StoppedServer(DataDirectory);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task StartServerAsync(PostgresBinaries binaries, string dataDirectory, CancellationToken ct)
    {
        var logFile = Path.Combine(dataDirectory, "postgres.log");
        var result = await PostgresCommand.RunAsServerUserAsync(
            binaries.PgCtl, ["start", "-D", dataDirectory, "-l", logFile, "-w", "-t", "60"], ct);
        if (result.ExitCode != 0)
        {
            var logTail = File.Exists(logFile) ? string.Join(Environment.NewLine, File.ReadLines(logFile).TakeLast(15)) : "";
            throw new InvalidOperationException(
                $"PostgreSQL did not start on '{dataDirectory}' (pg_ctl exit code {result.ExitCode}): {result.Output}" +
                $"{Environment.NewLine}Last lines of {logFile}:{Environment.NewLine}{logTail}");
        }
    }

    private static string ConnectionStringFor(int port, string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = database }
            .ConnectionString;

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
