using Commerce.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commerce.Tests.Database;

/// <summary>As root, the default data folder inside a private folder moves somewhere the postgres user can reach.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReachableDataDirectoryTests
{
    [Fact]
    public void The_default_folder_under_a_private_folder_moves_for_root_and_a_chosen_one_stays()
    {
        if (!PostgresCommand.IsRoot)
        {
            return; // Only root runs the server under another account; for everyone else nothing moves.
        }

        var closed = Directory.CreateTempSubdirectory("closed-");
        File.SetUnixFileMode(closed.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var requested = Path.Combine(closed.FullName, "checkout", ".data", "postgres");

            var moved = ReachableDataDirectory.Choose(requested, isDefault: true, NullLogger.Instance);
            var kept = ReachableDataDirectory.Choose(requested, isDefault: false, NullLogger.Instance);

            Assert.StartsWith(ReachableDataDirectory.FallbackRoot + "/", moved, StringComparison.Ordinal);
            Assert.EndsWith("/postgres", moved, StringComparison.Ordinal);
            Assert.Equal(moved, ReachableDataDirectory.Choose(requested, isDefault: true, NullLogger.Instance));
            Assert.NotEqual(moved, ReachableDataDirectory.Choose(requested + "-other", isDefault: true, NullLogger.Instance));
            Assert.Equal(requested, kept);
            Assert.True(File.GetUnixFileMode(ReachableDataDirectory.FallbackRoot).HasFlag(UnixFileMode.OtherExecute));
        }
        finally
        {
            closed.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_reachable_default_folder_stays_where_it_is()
    {
        var open = Directory.CreateTempSubdirectory("open-");
        try
        {
            File.SetUnixFileMode(open.FullName, File.GetUnixFileMode(open.FullName) | UnixFileMode.OtherExecute);
            var requested = Path.Combine(open.FullName, ".data", "postgres");
            Assert.Equal(requested, ReachableDataDirectory.Choose(requested, isDefault: true, NullLogger.Instance));
        }
        finally
        {
            open.Delete(recursive: true);
        }
    }
}
