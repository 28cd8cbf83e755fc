using Npgsql;

namespace Commerce.Bench.DataGen;

/// <summary>After a load: statistics for the planner and a fresh visibility map for index-only scans.</summary>
internal static class DatabaseMaintenance
{
    private static readonly string[] Tables = ["products", "categories", "orleansstorage"];

    public static async Task VacuumAnalyzeAsync(string connectionString, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, Pooling = false };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        foreach (var table in Tables)
        {
            // The table names are the constants above, never input.
            await using var command = new NpgsqlCommand($"VACUUM (ANALYZE) {table}", connection);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
