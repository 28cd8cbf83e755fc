using System.Diagnostics;

namespace Commerce.Postgres;

/// <summary>The machine's PostgreSQL server programs.</summary>
internal sealed class PostgresBinaries
{
    private PostgresBinaries(string directory) => Directory = directory;

    public string Directory { get; }

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <exception cref="InvalidOperationException">No folder holds the server programs.</exception>
    public static PostgresBinaries Locate(string? configuredDirectory)
    {
        var candidates = configuredDirectory is null ? AutoCandidates() : [configuredDirectory];
        foreach (var candidate in candidates)
        {
            if (HoldsServerPrograms(candidate))
            {
                return new PostgresBinaries(Path.GetFullPath(candidate));
            }
        }

        var looked = candidates.Count == 0 ? "(no candidate folder)" : string.Join(", ", candidates);
        throw new InvalidOperationException(
            $"PostgreSQL binaries (initdb, pg_ctl, postgres) were not found. Looked in: {looked}. " +
            "Install PostgreSQL (e.g. 'apt-get install postgresql'), set Database:BinDirectory to the folder " +
            "holding initdb and pg_ctl, or point the app at an existing server with ConnectionStrings__Catalog.");
    }

    private static bool HoldsServerPrograms(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) &&
        File.Exists(Path.Combine(directory, "pg_ctl")) &&
        File.Exists(Path.Combine(directory, "postgres"));

    private static List<string> AutoCandidates()
    {
        var candidates = new List<string>();
        if (PgConfigBinDir() is { } fromPgConfig)
        {
            candidates.Add(fromPgConfig);
        }

        // Debian and Ubuntu install each major version side by side; prefer the newest.
        const string debianRoot = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(debianRoot))
        {
            candidates.AddRange(System.IO.Directory.GetDirectories(debianRoot)
                .Select(dir => (dir, version: double.TryParse(Path.GetFileName(dir),
                    System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin")));
        }

        candidates.Add("/usr/local/pgsql/bin");
        return candidates.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string? PgConfigBinDir()
    {
        var pgConfig = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "pg_config"))
            .FirstOrDefault(File.Exists);
        if (pgConfig is null)
        {
            return null;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(pgConfig, "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // An unusable pg_config is just one fewer place to look.
            return null;
        }
    }
}
