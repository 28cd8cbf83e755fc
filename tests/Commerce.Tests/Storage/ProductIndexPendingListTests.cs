using System.Text.Json;
using Commerce.Grains.Products;
using Commerce.Postgres;
using Commerce.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

using static Commerce.Tests.Hardening.SqlStatements;

namespace Commerce.Tests.Storage;

/// <summary>
/// Migration 025: the two GIN indexes of products keep their pending lists short, so a search that reads the index reads
/// a few pages of not yet merged entries, not up to 4 MB of them, however many products were written since the last
/// vacuum.
/// </summary>
public sealed class ProductIndexPendingListTests
{
    [Fact]
    public async Task A_search_by_gram_or_category_reads_few_pending_pages_after_hundreds_of_product_writes()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync("pending_list");
        await new SchemaMigrator(typeof(ProductGrain).Assembly, NullLogger.Instance).MigrateAsync(connectionString, default);
        await using var database = new NpgsqlConnection(connectionString);
        await database.OpenAsync();
        // No vacuum may move the entries meanwhile: only the pending list's own limit may.
        await ExecuteAsync(database, "ALTER TABLE products SET (autovacuum_enabled = false)");
        await ExecuteAsync(database,
            "INSERT INTO categories (id, name, name_key, path, created_at, updated_at, version) VALUES (1, 'Root', 'root', '{1}', now(), now(), 1)");
        // 600 products with about sixty grams each: some 700 kB of new entries for the grams' index.
        await ExecuteAsync(database,
            """
            INSERT INTO products (id, title, description, sku, price, category_id, search_text, created_at, updated_at, version, search_grams, category_path)
            SELECT id, t.title, 'd', 'PENDING-' || id, 1, 1, lower(t.title), now(), now(), 1, search_grams_of(lower(t.title)), '{1}'
            FROM generate_series(1, 600) AS id,
                 LATERAL (SELECT 'Кухонный комбайн 냉장고 双肩背包 Straße ' || id || ' ' || md5(id::text) AS title) AS t
            """);

        // Through the indexes, whatever the planner would make of so small a table.
        await ExecuteAsync(database, "SET enable_seqscan = off");
        Assert.InRange(await IndexPagesReadAsync(database, "search_grams @> ARRAY['냉']", "products_root_search_grams"), 1, 12);
        Assert.InRange(await IndexPagesReadAsync(database, "category_path @> ARRAY[1::bigint]", "products_category_path"), 1, 12);
    }

    /// <summary>The buffers the bitmap scan of <paramref name="index"/> read for <paramref name="condition"/>.</summary>
    private static async Task<long> IndexPagesReadAsync(NpgsqlConnection database, string condition, string index)
    {
        var plans = await ColumnAsync<string>(database,
            $"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT count(*) FROM products WHERE {condition}");
        using var document = JsonDocument.Parse(plans[0]);
        var scan = Find(document.RootElement[0].GetProperty("Plan"), index)
            ?? throw new InvalidOperationException($"No scan of {index}: {plans[0]}");
        return scan.GetProperty("Shared Hit Blocks").GetInt64() + scan.GetProperty("Shared Read Blocks").GetInt64();
    }

    private static JsonElement? Find(JsonElement plan, string index)
    {
        if (plan.TryGetProperty("Index Name", out var name) && name.GetString() == index)
        {
            return plan;
        }

        if (plan.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                if (Find(child, index) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
