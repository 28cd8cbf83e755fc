using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Commerce.Postgres;

/// <summary>
/// Applies the SQL migrations embedded in an assembly as resources named <c>sql/NNN_name.sql</c>, in ordinal
/// name order, each once. Safe to run from several processes at once.
/// </summary>
public sealed class SchemaMigrator(Assembly migrationsAssembly, ILogger logger)
{
    /// <summary>Key of the session advisory lock that serialises migrators; "Commerce" in ASCII.</summary>
    public const long AdvisoryLockKey = 0x436F6D6D65726365;

    private const string ResourcePrefix = "sql/";
    private const string ResourceSuffix = ".sql";

    /// <summary>Migration versions (resource names without "sql/" and ".sql"), in the order they apply.</summary>
    public IReadOnlyList<string> Versions =>
        MigrationResources().Select(VersionOf).ToList();

    /// <returns>The versions this call applied; empty when the schema was already current.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken ct)
    {
        // A connection of its own, outside any pool: ending it ends the session, which releases the lock even
        // when this process dies mid-way. No command timeout, since a large migration must not be cut off.
        var dedicated = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 };
        await using var connection = new NpgsqlConnection(dedicated.ConnectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, null, $"select pg_advisory_lock({AdvisoryLockKey})", ct);

        // Created under the lock: concurrent "create table if not exists" can still collide.
        await ExecuteAsync(connection, null, """
            create table if not exists schema_migrations (
                version text primary key,
                applied_at timestamptz not null default now())
            """, ct);
        var alreadyApplied = await AppliedVersionsAsync(connection, ct);

        var resources = MigrationResources();
        var appliedNow = new List<string>();
        foreach (var resource in resources)
        {
            var version = VersionOf(resource);
            if (alreadyApplied.Contains(version))
            {
                continue;
            }

            logger.ApplyingMigration(version);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            try
            {
                await ExecuteAsync(connection, transaction, ReadResource(resource), ct);
            }
            catch (PostgresException e)
            {
                throw new InvalidOperationException($"Migration {version} failed and was rolled back: {e.Message}", e);
            }

            await using (var record = new NpgsqlCommand(
                "insert into schema_migrations (version) values ($1)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter { Value = version });
                await record.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            appliedNow.Add(version);
        }

        logger.SchemaCurrent(appliedNow.Count, resources.Count);
        return appliedNow;
    }

    private List<string> MigrationResources() =>
        migrationsAssembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) &&
                           name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string VersionOf(string resource) =>
        resource[ResourcePrefix.Length..^ResourceSuffix.Length];

    private string ReadResource(string resource)
    {
        using var stream = migrationsAssembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration resource '{resource}' could not be read.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<HashSet<string>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var versions = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("select version from schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            versions.Add(reader.GetString(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
