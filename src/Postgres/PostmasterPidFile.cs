using System.Diagnostics;

namespace Commerce.Postgres;

/// <summary>
/// The <c>postmaster.pid</c> lock file a running server keeps in its data folder: line 1 is the process id,
/// line 2 the data folder, line 4 the port.
/// </summary>
internal sealed record PostmasterPidFile(int ProcessId, string DataDirectory, int Port)
{
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "postmaster.pid");

    /// <returns>Null when there is no file or it is incomplete, e.g. written by a server still starting.</returns>
    public static PostmasterPidFile? TryRead(string dataDirectory)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(PathIn(dataDirectory));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return lines.Length >= 4 && int.TryParse(lines[0], out var pid) && int.TryParse(lines[3], out var port)
            ? new PostmasterPidFile(pid, lines[1], port)
            : null;
    }

    /// <summary>
    /// Whether the server that wrote this file still runs on <paramref name="dataDirectory"/>. After a crash or
    /// reboot the id may be free or taken by an unrelated process; both mean the file is stale.
    /// </summary>
    public bool BelongsToLiveServer(string dataDirectory)
    {
        if (!string.Equals(Path.TrimEndingDirectorySeparator(DataDirectory),
                Path.TrimEndingDirectorySeparator(dataDirectory), StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(ProcessId);
            return !process.HasExited && process.ProcessName is "postgres" or "postmaster";
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
