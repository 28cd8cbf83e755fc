using Npgsql;

namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// The connection the audit and the rebuild run on. Their statements compare whole tables, which takes longer than a
/// command may by default (30 s): at a million products the search totals' check alone did. So their commands have no
/// time limit, whatever the connection string says.
/// </summary>
internal static class AuditConnection
{
    public static NpgsqlConnection Create(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
}
