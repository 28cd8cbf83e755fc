using System.Diagnostics;
using Commerce.Postgres;

namespace Commerce.Tests.Infrastructure;

/// <summary>
/// Temp folders for test PostgreSQL servers. The test host is killed about 100 ms after the last test, too soon
/// for ProcessExit handlers to stop a server, so a watchdog outside the test process does the cleanup.
/// </summary>
public static class TestPostgresFolder
{
    // Waits for end-of-file on stdin, which comes when the test process is gone however it ended, then stops the
    // server (immediate: its data is thrown away) and deletes the folder. $1 pg_ctl, $2 data, $3 folder, $4 user.
    private const string WatchdogScript = """
        exec >/dev/null 2>&1
        cat
        if [ -n "$4" ]; then runuser -u "$4" -- "$1" stop -D "$2" -m immediate; else "$1" stop -D "$2" -m immediate; fi
        rm -rf "$3"
        """;

    // The watchdogs' stdin pipes; they must stay open, and reachable, for as long as this process lives.
    private static readonly List<Process> Watchdogs = [];

    /// <summary>Creates a folder the <c>postgres</c> OS user can reach; a server in its "data" subfolder is stopped at exit.</summary>
    public static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"commerce-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }

        StartWatchdog(folder);
        return folder;
    }

    public static string DataDirectoryIn(string folder) => Path.Combine(folder, "data");

    private static void StartWatchdog(string folder)
    {
        // setsid: a Ctrl+C aimed at the test run must not take the watchdog down with it.
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "sh", "-c", WatchdogScript, "watchdog",
            PostgresBinaries.Locate(null).PgCtl, DataDirectoryIn(folder), folder,
            PostgresCommand.IsRoot ? PostgresCommand.ServerOsUser : "",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watchdog = Process.Start(start) ?? throw new InvalidOperationException("Could not start the cleanup watchdog.");
        lock (Watchdogs)
        {
            Watchdogs.Add(watchdog);
        }
    }
}
