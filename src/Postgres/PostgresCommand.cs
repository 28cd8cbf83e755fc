using System.Diagnostics;

namespace Commerce.Postgres;

/// <summary>Runs PostgreSQL's command-line programs, as the <c>postgres</c> OS user when this process is root.</summary>
internal static class PostgresCommand
{
    /// <summary>The account PostgreSQL runs as when this process is root, since the server refuses to run as root.</summary>
    public const string ServerOsUser = "postgres";

    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess;

    public sealed record Result(int ExitCode, string Output);

    /// <summary>Runs a PostgreSQL program as the account the server runs as.</summary>
    public static Task<Result> RunAsServerUserAsync(string program, IEnumerable<string> arguments, CancellationToken ct) =>
        IsRoot
            ? RunAsync("runuser", ["-u", ServerOsUser, "--", program, .. arguments], ct)
            : RunAsync(program, arguments, ct);

    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server account may not be able to enter our working directory; "/" it always can.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {program}.");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var output = (await stdout + await stderr).Trim();
            return new Result(process.ExitCode, output);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>Runs as the server account and throws, with the program's output, when it fails.</summary>
    public static async Task<string> RunAsServerUserCheckedAsync(
        string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var result = await RunAsServerUserAsync(program, arguments, ct);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{Path.GetFileName(program)} {string.Join(' ', arguments)}' failed with exit code {result.ExitCode}" +
                (IsRoot ? $" (run as OS user '{ServerOsUser}')" : "") + $": {result.Output}");
        }

        return result.Output;
    }
}
