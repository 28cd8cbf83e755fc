namespace Commerce.Tools.CatalogAudit;

/// <summary>The tool's command line: a command (audit or rebuild) and its options.</summary>
internal sealed record CommandLine(string Command, string Connection, string? ApiUrl, string? ServiceId)
{
    public const string Usage =
        """
        Usage: CatalogAudit [audit] [--connection <cs>] [--service-id <id>] [--api http://host:port]
               CatalogAudit rebuild [--connection <cs>] [--service-id <id>]
          audit    checks grain state (OrleansStorage) and the read tables against each other; with --api also every
                   product's GET. Exit 0 clean (warnings allowed), 1 violations.
          rebuild  rewrites the read rows that differ from grain state and deletes rows of no resource, in one
                   transaction; works with the cluster down and is safe with it up.
          --connection defaults to the environment variable ConnectionStrings__Catalog; --service-id to commerce-catalog.
          Ctrl-C or SIGTERM stops either and cancels its statement on the server (exit 130); a stopped rebuild changes nothing.
        """;

    /// <returns>The command line, or null with <paramref name="error"/> set.</returns>
    public static CommandLine? TryParse(string[] args, out string error)
    {
        error = "";
        var named = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal);
        var command = named ? args[0] : "audit";
        string? connection = Environment.GetEnvironmentVariable("ConnectionStrings__Catalog");
        string? apiUrl = null;
        string? serviceId = null;
        for (var i = named ? 1 : 0; i < args.Length; i++)
        {
            var hasValue = i + 1 < args.Length;
            switch (args[i])
            {
                case "--connection" when hasValue:
                    connection = args[++i];
                    break;
                case "--service-id" when hasValue:
                    serviceId = args[++i];
                    break;
                case "--api" when hasValue && command == "audit":
                    apiUrl = args[++i];
                    break;
                default:
                    error = $"Unknown argument '{args[i]}'.";
                    return null;
            }
        }

        if (command is not ("audit" or "rebuild"))
        {
            error = $"Unknown command '{command}'.";
            return null;
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            error = "No database: pass --connection or set ConnectionStrings__Catalog.";
            return null;
        }

        return new CommandLine(command, connection, apiUrl, serviceId);
    }
}
