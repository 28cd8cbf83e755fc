namespace Commerce.Postgres;

/// <summary>
/// When this process is root, the server runs as the <c>postgres</c> OS user, so that user must own the
/// data folder and be able to reach it.
/// </summary>
internal static class ServerUserAccess
{
    /// <summary>Hands <paramref name="directory"/> to the server account, or explains why it cannot reach it.</summary>
    public static async Task GrantAsync(string directory, CancellationToken ct)
    {
        if (!PostgresCommand.IsRoot)
        {
            return;
        }

        // Recursive so a folder first used by another account still works.
        var chown = await PostgresCommand.RunAsync(
            "chown", ["-R", $"{PostgresCommand.ServerOsUser}:", directory], ct);
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Could not give '{directory}' to OS user '{PostgresCommand.ServerOsUser}', which PostgreSQL runs as " +
                $"because this process is root: {chown.Output}");
        }

        var probe = await PostgresCommand.RunAsServerUserAsync(
            "test", ["-w", directory, "-a", "-x", directory], ct);
        if (probe.ExitCode != 0)
        {
            var blocker = FirstUntraversableAncestor(directory);
            throw new InvalidOperationException(
                $"PostgreSQL runs as OS user '{PostgresCommand.ServerOsUser}' because this process is root, and that " +
                $"user cannot reach the data folder '{directory}'" +
                (blocker is null ? "" : $": '{blocker}' is not traversable by other users") +
                ". Set Database:DataDirectory to a folder outside it (e.g. under /var/lib or /tmp)" +
                (blocker is null ? "." : $", or allow it with 'chmod o+x {blocker}'."));
        }
    }

    /// <summary>The first folder above <paramref name="directory"/> that other users cannot enter, if any.</summary>
    public static string? FirstUntraversableAncestor(string directory)
    {
        var ancestors = new List<string>();
        for (var dir = Path.GetDirectoryName(directory); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            ancestors.Add(dir);
        }

        ancestors.Reverse();
        return ancestors.FirstOrDefault(dir =>
            !OperatingSystem.IsWindows() && Directory.Exists(dir) && !File.GetUnixFileMode(dir).HasFlag(UnixFileMode.OtherExecute));
    }
}
