using System.Runtime.InteropServices;

namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// The command-line entry. Not top-level statements: those make a public <c>Program</c> here (ASP.NET Core's generator
/// comes with the grains' framework reference), which tests that host the WebApi's <c>Program</c> would then meet twice.
/// </summary>
internal static class AuditCommand
{
    /// <summary>Exit code of a run stopped by Ctrl-C or SIGTERM, as a shell reports an interrupted command.</summary>
    public const int Interrupted = 130;

    /// <returns>0 clean (or rebuilt), 1 violations, 2 usage error, 130 interrupted.</returns>
    public static async Task<int> Main(string[] args)
    {
        if (CommandLine.TryParse(args, out var error) is not { } commandLine)
        {
            await Console.Error.WriteLineAsync($"{error}\n{CommandLine.Usage}");
            return 2;
        }

        // A whole-table statement runs on for minutes at a million products, and a backend waiting on a lock does not
        // notice that its client died. So a signal cancels the statement on the server (Npgsql sends the cancel
        // request when the token fires) and the rebuild's transaction rolls back, instead of ending the process.
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        try
        {
            return await RunAsync(commandLine, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"Catalog {commandLine.Command}: stopped; nothing was changed.");
            return Interrupted;
        }
    }

    private static async Task<int> RunAsync(CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (commandLine.Command == "rebuild")
        {
            var result = await new ReadTableRebuilder(commandLine.Connection, commandLine.ServiceId).RunAsync(cancellationToken);
            Console.WriteLine($"Read tables rebuilt from grain state: {result}.");
            return 0;
        }

        using var api = commandLine.ApiUrl is null ? null : new HttpClient { BaseAddress = new Uri(commandLine.ApiUrl.TrimEnd('/') + "/") };
        var report = await new CatalogAuditor(commandLine.Connection, api, commandLine.ServiceId).RunAsync(cancellationToken);
        foreach (var violation in report.Violations)
        {
            Console.WriteLine(violation);
        }

        foreach (var warning in report.Warnings)
        {
            Console.WriteLine($"warning: {warning}");
        }

        Console.WriteLine(report.IsClean
            ? $"Catalog audit: clean ({report.Warnings.Count} warning(s))."
            : $"Catalog audit: {report.Violations.Count} violation(s), {report.Warnings.Count} warning(s).");
        return report.IsClean ? 0 : 1;
    }
}
