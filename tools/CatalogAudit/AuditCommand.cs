namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// The command-line entry. Not top-level statements: those make a public <c>Program</c> here (ASP.NET Core's generator
/// comes with the grains' framework reference), which tests that host the WebApi's <c>Program</c> would then meet twice.
/// </summary>
internal static class AuditCommand
{
    /// <returns>0 clean (or rebuilt), 1 violations, 2 usage error.</returns>
    public static async Task<int> Main(string[] args)
    {
        if (CommandLine.TryParse(args, out var error) is not { } commandLine)
        {
            await Console.Error.WriteLineAsync($"{error}\n{CommandLine.Usage}");
            return 2;
        }

        if (commandLine.Command == "rebuild")
        {
            var result = await new ReadTableRebuilder(commandLine.Connection, commandLine.ServiceId).RunAsync();
            Console.WriteLine($"Read tables rebuilt from grain state: {result}.");
            return 0;
        }

        using var api = commandLine.ApiUrl is null ? null : new HttpClient { BaseAddress = new Uri(commandLine.ApiUrl.TrimEnd('/') + "/") };
        var report = await new CatalogAuditor(commandLine.Connection, api, commandLine.ServiceId).RunAsync();
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
