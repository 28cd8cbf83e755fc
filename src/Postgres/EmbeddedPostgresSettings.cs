using Microsoft.Extensions.Logging;

namespace Commerce.Postgres;

/// <summary>How to run a private PostgreSQL server.</summary>
/// <param name="DataDirectory">Data folder; created and initialised on first use, kept afterwards.</param>
/// <param name="DatabaseName">Database the connection string points at; created when missing.</param>
public sealed record EmbeddedPostgresSettings(string DataDirectory, string DatabaseName)
{
    /// <summary>Folder holding initdb, pg_ctl and postgres; null looks in the usual places.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    internal static EmbeddedPostgresSettings From(DatabaseOptions options, ILogger logger) =>
        new(ReachableDataDirectory.Choose(options.DataDirectory, options.DataDirectory == DatabaseOptions.DefaultDataDirectory, logger), options.DatabaseName)
        {
            BinDirectory = string.IsNullOrWhiteSpace(options.BinDirectory) ? null : options.BinDirectory,
            Port = options.Port,
        };
}
