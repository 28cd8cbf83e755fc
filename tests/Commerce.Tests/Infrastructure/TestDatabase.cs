using System.Reflection;
using Commerce.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Commerce.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL for database tests: the server named by <c>TEST_DATABASE_URL</c>, or else one private
/// server per test process in a fresh temp folder, stopped and deleted when the process exits
/// (see <see cref="TestPostgresFolder"/>).
/// </summary>
public static class TestDatabase
{
    public const string UrlVariable = "TEST_DATABASE_URL";

    private static readonly Lazy<Task<string>> Shared = new(StartSharedAsync);

    /// <summary>To the shared test database ("catalog_test" on the private server), without migrations.</summary>
    public static Task<string> GetConnectionStringAsync() => Shared.Value;

    /// <summary>The shared test database with <paramref name="migrationsAssembly"/>'s migrations applied.</summary>
    public static async Task<string> GetMigratedConnectionStringAsync(Assembly migrationsAssembly)
    {
        var connectionString = await GetConnectionStringAsync();
        await new SchemaMigrator(migrationsAssembly, NullLogger.Instance).MigrateAsync(connectionString, default);
        return connectionString;
    }

    /// <summary>A new, empty database on the same server, for tests that must not see each other's tables.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(await GetConnectionStringAsync()) { Database = name }
            .ConnectionString;
        await PostgresDatabases.CreateIfMissingAsync(connectionString, NullLogger.Instance, default);
        return connectionString;
    }

    private static async Task<string> StartSharedAsync()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (!string.IsNullOrWhiteSpace(url))
        {
            return PostgresUrl.ToConnectionString(url);
        }

        var folder = TestPostgresFolder.Create();
        var server = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresSettings(TestPostgresFolder.DataDirectoryIn(folder), "catalog_test"),
            NullLogger.Instance, default);
        return server.ConnectionString;
    }
}
