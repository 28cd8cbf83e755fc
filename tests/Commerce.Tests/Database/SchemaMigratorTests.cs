using Commerce.Postgres;
using Commerce.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Commerce.Tests.Database;

/// <summary>Uses the migrations in Database/TestMigrations, embedded in this assembly.</summary>
public sealed class SchemaMigratorTests
{
    private static readonly string[] TestVersions = ["001_create_migration_probe", "002_seed_migration_probe"];

    [Fact]
    public void Embedded_migrations_are_found_in_ordinal_order() =>
        Assert.Equal(TestVersions, NewMigrator().Versions);

    [Fact]
    public async Task Running_twice_applies_each_migration_once()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync("migrate_twice");

        var first = await NewMigrator().MigrateAsync(connectionString, default);
        var second = await NewMigrator().MigrateAsync(connectionString, default);

        Assert.Equal(TestVersions, first);
        Assert.Empty(second);
        await AssertAppliedOnceAsync(connectionString);
    }

    [Fact]
    public async Task Concurrent_runs_apply_each_migration_once()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync("migrate_concurrently");

        var runs = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => NewMigrator().MigrateAsync(connectionString, default))));

        Assert.Equal(TestVersions, runs.SelectMany(applied => applied).Order(StringComparer.Ordinal));
        await AssertAppliedOnceAsync(connectionString);
    }

    private static SchemaMigrator NewMigrator() => new(typeof(SchemaMigratorTests).Assembly, NullLogger.Instance);

    private static async Task AssertAppliedOnceAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var rows = new NpgsqlCommand("select count(*) from migration_probe", connection);
        Assert.Equal(1L, await rows.ExecuteScalarAsync());
        await using var versions = new NpgsqlCommand(
            "select array_agg(version order by version) from schema_migrations", connection);
        Assert.Equal(TestVersions, (string[]?)await versions.ExecuteScalarAsync());
    }
}
