using Commerce.Tools.CatalogAudit;

// Usage: CatalogAudit [--connection "<Npgsql connection string>"] [--api http://host:port]
// The connection defaults to the environment variable ConnectionStrings__Catalog.
// Exit code: 0 clean, 1 violations (each printed on its own line), 2 usage error.
string? connection = Environment.GetEnvironmentVariable("ConnectionStrings__Catalog");
string? apiUrl = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--connection" when i + 1 < args.Length:
            connection = args[++i];
            break;
        case "--api" when i + 1 < args.Length:
            apiUrl = args[++i];
            break;
        default:
            await Console.Error.WriteLineAsync($"Unknown argument '{args[i]}'. Usage: CatalogAudit [--connection <cs>] [--api http://host:port]");
            return 2;
    }
}

if (string.IsNullOrWhiteSpace(connection))
{
    await Console.Error.WriteLineAsync("No database: pass --connection or set ConnectionStrings__Catalog.");
    return 2;
}

using var api = apiUrl is null ? null : new HttpClient { BaseAddress = new Uri(apiUrl.TrimEnd('/') + "/") };
var violations = await new CatalogAuditor(connection, api).RunAsync();
foreach (var violation in violations)
{
    Console.WriteLine(violation);
}

Console.WriteLine(violations.Count == 0 ? "Catalog audit: clean." : $"Catalog audit: {violations.Count} violation(s).");
return violations.Count == 0 ? 0 : 1;
