using System.Net;
using Commerce.Tests.Api;
using Commerce.Tests.Grains;
using Commerce.Tools.CatalogAudit;
using Npgsql;

namespace Commerce.Tests.Hardening;

/// <summary>
/// The read tables can be rebuilt from grain state (tools/CatalogAudit rebuild): with the service up or down, after
/// rows were deleted, changed or added by hand, the audit is clean again and search and lists answer as before.
/// </summary>
public sealed class ReadTableRebuildTests
{
    [Fact]
    public async Task Rebuild_while_the_service_runs_repairs_damaged_read_tables()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: RebuildSample.NoSweep);
        var sample = await RebuildSample.CreateAsync(catalog.Client);
        Assert.Empty((await new CatalogAuditor(catalog.ConnectionString).RunAsync()).Violations);
        await sample.DamageReadTablesAsync(catalog.ConnectionString);

        var result = await new ReadTableRebuilder(catalog.ConnectionString).RunAsync();

        Assert.Equal((2, 1, 2, 1), (result.ProductsWritten, result.ProductsDeleted, result.CategoriesWritten, result.CategoriesDeleted));
        await AssertRepairedAsync(catalog, sample);
        Assert.Equal(0, (await new ReadTableRebuilder(catalog.ConnectionString).RunAsync()).ProductsWritten);
    }

    [Fact]
    public async Task Rebuild_with_the_service_down_repairs_damaged_read_tables()
    {
        string connectionString;
        RebuildSample sample;
        await using (var running = await IsolatedCatalog.StartAsync(settings: RebuildSample.NoSweep))
        {
            connectionString = running.ConnectionString;
            sample = await RebuildSample.CreateAsync(running.Client);
        }

        await sample.DamageReadTablesAsync(connectionString);
        await new ReadTableRebuilder(connectionString).RunAsync();

        await using var restarted = await IsolatedCatalog.StartAsync(connectionString, RebuildSample.NoSweep);
        await AssertRepairedAsync(restarted, sample);
    }

    [Fact]
    public async Task Rebuild_keeps_writes_that_land_while_it_runs()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: RebuildSample.NoSweep);
        var sample = await RebuildSample.CreateAsync(catalog.Client);
        long[] products = [sample.Hammer, sample.Drill, sample.Rake, sample.Loose];
        var lastTitles = new Dictionary<long, string>();
        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                var id = products[i % products.Length];
                lastTitles[id] = $"Edited {i}";
                (await catalog.Client.ApiPatchAsync($"/api/v1/products/{id}", new { title = lastTitles[id] })).AssertStatus(HttpStatusCode.OK);
            }
        });
        do
        {
            await sample.DamageReadTablesAsync(catalog.ConnectionString);
            await new ReadTableRebuilder(catalog.ConnectionString).RunAsync();
        }
        while (!writes.IsCompleted);

        await writes;
        Assert.Empty((await new CatalogAuditor(catalog.ConnectionString, catalog.Client).RunAsync()).Violations);
        foreach (var (id, title) in lastTitles)
        {
            Assert.Equal([id], await SearchIdsAsync(catalog.Client, $"q={Uri.EscapeDataString(title)}"));
        }
    }

    [Fact]
    public async Task Rebuild_gives_way_to_a_write_that_holds_products_and_asks_for_categories()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: RebuildSample.NoSweep);
        await RebuildSample.CreateAsync(catalog.Client);
        await using var write = new NpgsqlConnection(catalog.ConnectionString);
        await write.OpenAsync();
        await using var transaction = await write.BeginTransactionAsync();
        // The locks of a product upsert whose plan is cached: its own table first, then its category's (ROW SHARE for
        // the row it reads FOR SHARE). The rebuild takes categories first.
        await ExecuteAsync(write, "LOCK TABLE products IN ROW EXCLUSIVE MODE");

        var rebuild = new ReadTableRebuilder(catalog.ConnectionString).RunAsync();
        await using (var rebuildHoldsCategories = new NpgsqlCommand(
            """
            SELECT EXISTS (SELECT FROM pg_locks WHERE relation = 'categories'::regclass AND mode = 'ExclusiveLock' AND granted
                AND pid <> pg_backend_pid())
            """, write))
        {
            await Eventually.TrueAsync(async () => (bool)(await rebuildHoldsCategories.ExecuteScalarAsync())!,
                TimeSpan.FromSeconds(10), "the rebuild holds categories");
        }

        await ExecuteAsync(write, "LOCK TABLE categories IN ROW SHARE MODE");
        await transaction.CommitAsync();

        var result = await rebuild.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, result.ProductsWritten + result.ProductsDeleted + result.CategoriesWritten + result.CategoriesDeleted);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task AssertRepairedAsync(IsolatedCatalog catalog, RebuildSample sample)
    {
        var report = await new CatalogAuditor(catalog.ConnectionString, catalog.Client).RunAsync();
        Assert.Empty(report.Violations);
        Assert.Empty(report.Warnings);
        var client = catalog.Client;
        Assert.Equal([sample.Hammer], await SearchIdsAsync(client, "q=hammer"));
        Assert.Equal([sample.Drill], await SearchIdsAsync(client, "q=rebuilt%20drill"));
        Assert.Empty(await SearchIdsAsync(client, "q=wrong"));
        Assert.Empty(await SearchIdsAsync(client, "q=ghost"));
        Assert.Equal([sample.Hammer, sample.Drill], await SearchIdsAsync(client, $"category_id={sample.Tools}"));
        Assert.Equal([sample.Rake], await SearchIdsAsync(client, $"category_id={sample.Garden}"));
        // With a price range a root's search takes its root range (sql/017), which the rebuild left usable.
        Assert.Equal([sample.Hammer, sample.Drill], await SearchIdsAsync(client, $"category_id={sample.Tools}&min_price=0.01"));
        Assert.Equal([sample.Hammer, sample.Drill], await SearchIdsAsync(client, $"category_id={sample.Saws}&min_price=0.01"));
        await using (var database = new NpgsqlConnection(catalog.ConnectionString))
        {
            await database.OpenAsync();
            await using var stale = new NpgsqlCommand("SELECT count(*) FROM categories WHERE NOT product_paths_current", database);
            Assert.Equal(0L, await stale.ExecuteScalarAsync());
        }

        Assert.Equal([sample.Hammer, sample.Drill, sample.Rake, sample.Loose], await ListIdsAsync(client, "/api/v1/products?limit=100"));
        Assert.Equal([sample.Saws], await ListIdsAsync(client, $"/api/v1/categories?parent_id={sample.Tools}"));
        Assert.Equal([sample.Tools, sample.Garden], await ListIdsAsync(client, "/api/v1/categories?limit=100&parent_id=null"));
        Assert.Equal([sample.Tools, sample.Saws, sample.HandSaws, sample.Garden], await ListIdsAsync(client, "/api/v1/categories?limit=100"));
    }

    private static Task<List<long>> SearchIdsAsync(HttpClient client, string query) => ListIdsAsync(client, $"/api/v1/products/search?limit=100&{query}");

    private static async Task<List<long>> ListIdsAsync(HttpClient client, string url)
    {
        var response = await client.ApiGetAsync(url);
        response.AssertStatus(HttpStatusCode.OK);
        return [.. response.Json["items"]!.AsArray().Select(item => item!.Id()).Order()];
    }
}
