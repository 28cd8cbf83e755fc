using System.ComponentModel.DataAnnotations;

namespace Commerce.Postgres;

/// <summary>Where the catalog's PostgreSQL is: a configured server, or a private one started from local binaries.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>
    /// The server to use. When empty, <c>ConnectionStrings:Catalog</c> is used; when that is empty too,
    /// a private server is started from the machine's PostgreSQL binaries.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Data folder of the private server; relative paths resolve against the current directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>As root, when the <c>postgres</c> user cannot reach it, this default moves (see ReachableDataDirectory).</summary>
    public const string DefaultDataDirectory = ".data/postgres";

    /// <summary>Folder holding initdb, pg_ctl and postgres; null looks in the usual places.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>TCP port of the private server on 127.0.0.1; 0 picks a free one at each start.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>Database of the private server that the catalog uses; created when missing.</summary>
    [Required]
    [RegularExpression("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    public string DatabaseName { get; set; } = "catalog";

    /// <summary>
    /// Connections per process; overrides any pool size in the connection string. A few per database core: more
    /// only adds backends time-slicing the same cores, which stretches tail latency (docs/PERFORMANCE.md).
    /// </summary>
    [Range(1, 10_000)]
    public int MaxPoolSize { get; set; } = Math.Max(8, 4 * Environment.ProcessorCount);

    /// <summary>
    /// Statements each connection keeps prepared (Npgsql's automatic preparation, least recently used dropped first);
    /// 0 turns it off. Overrides any <c>Max Auto Prepare</c> in the connection string. A search's own work is often
    /// under a millisecond, and parsing and planning its statement anew each time cost PostgreSQL about as much; a
    /// prepared statement skips the parsing always and the planning once PostgreSQL finds its generic plan as good as
    /// the custom ones (docs/PERFORMANCE.md).
    /// </summary>
    [Range(0, 1_000)]
    public int MaxAutoPrepare { get; set; } = 64;

    /// <summary>How many times a connection runs a statement before preparing it (see <see cref="MaxAutoPrepare"/>).</summary>
    [Range(1, 1_000)]
    public int AutoPrepareMinUsages { get; set; } = 2;

    /// <summary>Per-command timeout; overrides any command timeout in the connection string.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long to wait for a connection, new or from an exhausted pool, before the request fails with a 503;
    /// overrides any <c>Timeout</c> in the connection string.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ConnectionTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
