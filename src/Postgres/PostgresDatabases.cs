using Microsoft.Extensions.Logging;
using Npgsql;

namespace Commerce.Postgres;

internal static class PostgresDatabases
{
    /// <summary>Creates the database a connection string names, connecting to the server's "postgres" database.</summary>
    public static async Task CreateIfMissingAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var database = target.Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = database });
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }

        try
        {
            var quoted = database.Replace("\"", "\"\"", StringComparison.Ordinal);
            await using var create = new NpgsqlCommand($"create database \"{quoted}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
            logger.CreatedDatabase(database);
        }
        catch (PostgresException e)
            when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process sharing this server created it first.
        }
    }
}
