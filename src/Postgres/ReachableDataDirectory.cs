using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Commerce.Postgres;

/// <summary>
/// Where the embedded server keeps its data. As root the server runs as the <c>postgres</c> user, which cannot enter
/// a checkout under a private folder (root's home, a <c>mktemp -d</c> folder). The default folder then moves to
/// <see cref="FallbackRoot"/>, one sub-folder per requested path so two checkouts keep apart, and the move is logged.
/// A folder the operator chose is never moved: it fails with an explanation instead.
/// </summary>
internal static class ReachableDataDirectory
{
    public const string FallbackRoot = "/var/lib/commerce-catalog";

    public static string Choose(string requested, bool isDefault, ILogger logger)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(requested));
        if (OperatingSystem.IsWindows() || !PostgresCommand.IsRoot || !isDefault || ServerUserAccess.FirstUntraversableAncestor(full) is not { } blocker)
        {
            return full;
        }

        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..12];
        var root = Directory.CreateDirectory(FallbackRoot);
        // Other users must be able to pass through it to reach the data folder inside.
        File.SetUnixFileMode(root.FullName, File.GetUnixFileMode(root.FullName) | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
        var relocated = Path.Combine(FallbackRoot, key, "postgres");
        logger.RelocatingDataDirectory(full, blocker, relocated);
        return relocated;
    }
}
