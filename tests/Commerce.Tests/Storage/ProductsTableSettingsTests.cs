using Commerce.Grains.Products;
using Commerce.Tests.Infrastructure;
using Npgsql;

namespace Commerce.Tests.Storage;

/// <summary>Table settings the search path (migration 003) and in-place stock updates (migration 013) rely on.</summary>
public sealed class ProductsTableSettingsTests
{
    [Fact]
    public async Task Products_are_vacuumed_after_one_percent_of_rows_change_so_counts_stay_index_only()
    {
        await using var database = NpgsqlDataSource.Create(
            await TestDatabase.GetMigratedConnectionStringAsync(typeof(ProductGrain).Assembly));
        await using var command = database.CreateCommand(
            "SELECT reloptions FROM pg_class WHERE oid = 'products'::regclass");

        var options = (string[])(await command.ExecuteScalarAsync())!;

        Assert.Equal(
            ["autovacuum_analyze_scale_factor=0.02", "autovacuum_vacuum_insert_scale_factor=0.01", "autovacuum_vacuum_scale_factor=0.01", "fillfactor=85"],
            options.Order(StringComparer.Ordinal));
    }
}
