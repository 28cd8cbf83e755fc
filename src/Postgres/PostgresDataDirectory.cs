using System.Text;

namespace Commerce.Postgres;

/// <summary>Creates a private server's data folder once and keeps its settings current.</summary>
internal static class PostgresDataDirectory
{
    private const string SettingsFile = "embedded.conf";
    private const string IncludeLine = $"include_if_exists = '{SettingsFile}'";

    // sun_path holds 108 bytes on Linux; the socket file name adds ".s.PGSQL.NNNNN".
    private const int MaxSocketDirectoryBytes = 90;

    public static bool IsInitialized(string dataDirectory) => File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));

    /// <summary>
    /// Runs initdb in a staging folder and moves it into place, so a start interrupted half-way through
    /// initdb never leaves a folder that looks initialised but is not.
    /// </summary>
    public static async Task InitializeAsync(PostgresBinaries binaries, string dataDirectory, CancellationToken ct)
    {
        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            throw new InvalidOperationException(
                $"The data folder '{dataDirectory}' is not empty but holds no PostgreSQL data (no PG_VERSION). " +
                "Empty it or set Database:DataDirectory to another folder.");
        }

        var staging = dataDirectory + ".initdb";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging); // initdb narrows its permissions itself
        await ServerUserAccess.GrantAsync(staging, ct);
        await PostgresCommand.RunAsServerUserCheckedAsync(binaries.InitDb,
            ["-D", staging, "--encoding=UTF8", "--locale=C.UTF-8", "-U", "postgres", "--auth=trust", "--no-instructions"],
            ct);

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory);
        }

        Directory.Move(staging, dataDirectory);
    }

    /// <summary>
    /// Writes the settings the private server needs into a file postgresql.conf includes last, so they follow
    /// this code (and the port chosen for this start) rather than what was current at initdb.
    /// </summary>
    public static void WriteSettings(string dataDirectory, int port)
    {
        var mainConfig = Path.Combine(dataDirectory, "postgresql.conf");
        if (!File.ReadLines(mainConfig).Any(line => line.Trim() == IncludeLine))
        {
            File.AppendAllText(mainConfig, $"{Environment.NewLine}{IncludeLine}{Environment.NewLine}");
        }

        // Without a socket in reach, local tools can still use TCP; the server itself does not need one.
        var socketDirectory = Encoding.UTF8.GetByteCount(dataDirectory) <= MaxSocketDirectoryBytes ? dataDirectory : "";
        var settings = $"""
            # Rewritten at every start of the embedded server; later lines in postgresql.conf override it.
            listen_addresses = '127.0.0.1'
            port = {port}
            unix_socket_directories = '{Quote(socketDirectory)}'
            max_connections = 300
            shared_buffers = '{SharedBuffersMegabytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)}MB'
            # Catalog statements are short; compiling them costs more than it saves (worst on broad counts).
            jit = off
            # Durability is a product guarantee, also on a dev box.
            fsync = on
            synchronous_commit = on
            full_page_writes = on

            """;
        File.WriteAllText(Path.Combine(dataDirectory, SettingsFile), settings);
    }

    /// <summary>
    /// A quarter of the memory this process may use, between 128 MB and 2 GB. A fixed 256 MB no longer held the
    /// tables and indexes from about half a million products on, and searches then copied pages from the OS cache
    /// all the time (docs/PERFORMANCE.md).
    /// </summary>
    internal static long SharedBuffersMegabytes(long availableMemoryBytes) =>
        Math.Clamp(availableMemoryBytes / 4 / (1024 * 1024), 128, 2048);

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
