using Microsoft.Extensions.Logging;

namespace Commerce.Postgres;

internal static partial class DatabaseLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Using the PostgreSQL server already running on {DataDirectory} (port {Port})")]
    public static partial void ReusingServer(this ILogger logger, string dataDirectory, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing stale postmaster.pid from {DataDirectory}")]
    public static partial void RemovingStalePidFile(this ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating PostgreSQL data folder {DataDirectory} with the binaries in {BinDirectory}")]
    public static partial void InitializingDataDirectory(this ILogger logger, string dataDirectory, string binDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started PostgreSQL on 127.0.0.1:{Port} with data in {DataDirectory}")]
    public static partial void StartedServer(this ILogger logger, int port, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped PostgreSQL with data in {DataDirectory}")]
    public static partial void StoppedServer(this ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created database {Database}")]
    public static partial void CreatedDatabase(this ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL at {Server} does not answer yet (attempt {Attempt} of {Attempts}): {Reason}")]
    public static partial void ServerNotAnswering(this ILogger logger, string server, int attempt, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying migration {Version}")]
    public static partial void ApplyingMigration(this ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is current ({Applied} of {Total} migrations applied now)")]
    public static partial void SchemaCurrent(this ILogger logger, int applied, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Using the configured PostgreSQL server at {Server}")]
    public static partial void UsingConfiguredServer(this ILogger logger, string server);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL runs as OS user 'postgres' (this process is root), which cannot reach {Requested} ('{Blocker}' is closed to other users); keeping the data in {DataDirectory} instead")]
    public static partial void RelocatingDataDirectory(this ILogger logger, string requested, string blocker, string dataDirectory);
}
