using Commerce.Grains.Products;
using Commerce.Tests.Infrastructure;
using Npgsql;

namespace Commerce.Tests.Storage;

/// <summary>
/// Migrations 012 (per category), 014 and 022 (per gram and id range), 015 (per price band), 016 (reserved units) and 019 (per root and gram) count the product rows that were written
/// before them (and before their triggers), and run again over their own result without counting anything twice;
/// 024 copies them for word searches (<c>product_texts</c>) the same way.
/// </summary>
public sealed class ProductCountsMigrationTests
{
    [Fact]
    public async Task The_backfill_counts_rows_written_before_it_under_every_category_of_their_path()
    {
        // As migration 011 left the table: rows, no triggers, no counts.
        await using var connection = await BackfilledTwiceAsync("product_counts", "012_product_counts", "product_counts",
            """
            INSERT INTO products (id, title, description, sku, price, category_id, search_text, category_path, created_at, updated_at, version, on_hand)
            SELECT g, 't', 'd', 'SKU-' || g, 1, NULL, 't',
                   CASE g % 3 WHEN 0 THEN '{}'::bigint[] WHEN 1 THEN '{1,2}' ELSE '{1}' END, now(), now(), 1, g % 2
            FROM generate_series(1, 40) AS g;
            """);

        // Ids 1..40: 14 with path {1,2} (7 of them odd), 13 with {1} (6 odd), 13 with none; odd ids have a unit.
        Assert.Equal((40L, 20L), await KeptAsync(connection, 0));
        Assert.Equal((27L, 13L), await KeptAsync(connection, 1));
        Assert.Equal((14L, 7L), await KeptAsync(connection, 2));
    }

    [Fact]
    public async Task The_gram_backfill_counts_rows_written_before_it_once_under_each_of_their_grams_and_id_ranges()
    {
        // As migration 021 left the table: rows, no gram triggers, no gram counts. Migration 022 keys the counts by id
        // range and backfills them, as 014 did by gram alone; it runs after 014 and replaces its table.
        await using var connection = await BackfilledTwiceAsync("gram_counts", "022_gram_counts_by_id_range", "gram_counts",
            """
            INSERT INTO products (id, title, description, sku, price, category_id, search_text, search_grams, category_path, created_at, updated_at, version, on_hand)
            SELECT g * 1000 + g % 4, t, 'd', 'S' || g, 1, NULL, t, search_grams_of(t), '{}', now(), now(), 1, 0
            FROM generate_series(1, 30) AS g, LATERAL (VALUES (CASE g % 3 WHEN 0 THEN '냉장고' WHEN 1 THEN '냉면' ELSE 'ab' END)) AS title (t);
            """);

        // Ids g × 1,000 + g % 4 for g = 1..30, in stripe g % 4: 10 rows each of 냉장고 (g = 3, 6, …), 냉면 (g = 1, 4, …)
        // and ab. Range 0 (ids 0..4,095) holds g = 1..4; range 6 (24,576..28,671) g = 25..28: 냉면, ab, 냉장고, 냉면.
        Assert.Equal(20L, await GramKeptAsync(connection, "냉"));
        Assert.Equal(10L, await GramKeptAsync(connection, "냉장"));
        Assert.Equal(10L, await GramKeptAsync(connection, "ab"));
        Assert.Equal(0L, await GramKeptAsync(connection, "ba"));
        Assert.Equal(3L, await ScalarAsync(connection, "SELECT sum(products)::bigint FROM gram_counts WHERE gram = '냉' AND id_range = 0"));
        Assert.Equal(3L, await ScalarAsync(connection, "SELECT sum(products)::bigint FROM gram_counts WHERE gram = '냉' AND id_range = 6"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT products FROM gram_counts WHERE gram = '냉' AND id_range = 6 AND stripe = 3"));
        await ExecuteAsync(connection, "DELETE FROM products WHERE id <= 3003");
        Assert.Equal(18L, await GramKeptAsync(connection, "냉"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT sum(products)::bigint FROM gram_counts WHERE gram = '냉' AND id_range = 0"));
        await ExecuteAsync(connection, "UPDATE products SET search_grams = search_grams_of('ab') WHERE id = 27003");
        Assert.Equal(2L, await ScalarAsync(connection, "SELECT sum(products)::bigint FROM gram_counts WHERE gram = '냉' AND id_range = 6"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT products FROM gram_counts WHERE gram = '냉' AND id_range = 6 AND stripe = 3"));
        Assert.Equal(0L, await ScalarAsync(connection,
            """
            SELECT count(*) FROM gram_counts_expected e FULL JOIN gram_counts c USING (gram, id_range, stripe)
            WHERE coalesce(c.products, 0) <> coalesce(e.products, 0)
            """));
    }

    [Fact]
    public async Task The_root_gram_backfill_counts_rows_written_before_it_under_their_root_and_the_triggers_follow_moves_and_renames()
    {
        // As migration 018 left the table: rows, no root gram triggers, no root gram counts.
        await using var connection = await BackfilledTwiceAsync("root_gram_counts", "019_root_gram_counts", "root_gram_counts",
            """
            INSERT INTO products (id, title, description, sku, price, category_id, search_text, search_grams, category_path, created_at, updated_at, version, on_hand)
            SELECT g, t, 'd', 'S' || g, 1, NULL, t, search_grams_of(t),
                   CASE WHEN g > 24 THEN '{}'::bigint[] WHEN g % 2 = 0 THEN '{7,8}' ELSE '{9}' END, now(), now(), 1, 0
            FROM generate_series(1, 30) AS g, LATERAL (VALUES (CASE g % 3 WHEN 0 THEN '냉장고' WHEN 1 THEN '냉면' ELSE 'ab' END)) AS title (t);
            """);

        // 019 names its triggers as 020 renames them; the migrator runs 020 after it, which leaves one pair.
        await ExecuteAsync(connection, Migration("020_root_gram_counts_lock_order"));

        // Ids 1..24, by id % 6: 냉장고 in root 7 (6, 12, …) and in root 9 (3, 9, …), 냉면 in 9 (1, 7, …) and in 7
        // (4, 10, …), ab in 7 (2, 8, …) and in 9 (5, 11, …): four rows each. Ids 25..30 have no category.
        Assert.Equal(8L, await RootGramKeptAsync(connection, 7, "냉"));
        Assert.Equal(4L, await RootGramKeptAsync(connection, 7, "냉장"));
        Assert.Equal(4L, await RootGramKeptAsync(connection, 7, "ab"));
        Assert.Equal(8L, await RootGramKeptAsync(connection, 9, "냉"));
        Assert.Equal(4L, await RootGramKeptAsync(connection, 9, "면"));
        Assert.Equal(0L, await RootGramKeptAsync(connection, 8, "냉"));
        Assert.Equal(24L, await ScalarAsync(connection, "SELECT sum(products)::bigint FROM root_gram_counts WHERE gram IN ('냉', 'ab')"));

        await ExecuteAsync(connection, "UPDATE products SET category_path = '{9}' WHERE id = 6");
        Assert.Equal(7L, await RootGramKeptAsync(connection, 7, "냉"));
        Assert.Equal(9L, await RootGramKeptAsync(connection, 9, "냉"));
        Assert.Equal(5L, await RootGramKeptAsync(connection, 9, "냉장"));
        await ExecuteAsync(connection, "UPDATE products SET price = 2, on_hand = 3 WHERE id = 1");
        await ExecuteAsync(connection, "UPDATE products SET search_grams = search_grams_of('ab') WHERE id = 1");
        Assert.Equal(8L, await RootGramKeptAsync(connection, 9, "냉"));
        Assert.Equal(5L, await RootGramKeptAsync(connection, 9, "ab"));
        Assert.Equal(3L, await RootGramKeptAsync(connection, 9, "면"));
        await ExecuteAsync(connection, "UPDATE products SET category_path = '{}' WHERE id = 2");
        Assert.Equal(3L, await RootGramKeptAsync(connection, 7, "ab"));
        await ExecuteAsync(connection, "DELETE FROM products WHERE id = 3");
        Assert.Equal(7L, await RootGramKeptAsync(connection, 9, "냉"));
        Assert.Equal(4L, await RootGramKeptAsync(connection, 9, "냉장"));
        await ExecuteAsync(connection, "UPDATE products SET category_path = '{7,8}' WHERE id = 25");
        Assert.Equal(8L, await RootGramKeptAsync(connection, 7, "냉"));
        Assert.Equal(0L, await ScalarAsync(connection,
            """
            SELECT count(*) FROM root_gram_counts_expected e FULL JOIN root_gram_counts c USING (category_root, gram, stripe)
            WHERE coalesce(c.products, 0) <> coalesce(e.products, 0)
            """));
    }

    [Fact]
    public async Task The_word_copy_backfill_copies_rows_written_before_it_and_its_triggers_follow_every_change_it_holds()
    {
        // As migration 023 left the table: rows, no copy. Even ids are in root 7's tree, odd ones in none.
        await using var connection = await BackfilledTwiceAsync("product_texts", "024_product_texts", "product_texts",
            """
            INSERT INTO products (id, title, description, sku, price, category_id, search_text, category_path, created_at, updated_at, version, on_hand)
            SELECT g, 't', 'd', 'S' || g, g + 0.5, NULL, 'kettle ' || g,
                   CASE WHEN g % 2 = 0 THEN '{7,8}'::bigint[] ELSE '{}' END, now(), now(), 1, 0
            FROM generate_series(1, 20) AS g;
            """);

        Assert.Equal(20L, await ScalarAsync(connection, "SELECT count(*) FROM product_texts"));
        Assert.Equal(((long?)7, 4.5m, "kettle 4"), await CopyAsync(connection, 4));
        Assert.Equal(((long?)null, 3.5m, "kettle 3"), await CopyAsync(connection, 3));

        await ExecuteAsync(connection, "UPDATE products SET search_text = 'lamp 4' WHERE id = 4");
        Assert.Equal(((long?)7, 4.5m, "lamp 4"), await CopyAsync(connection, 4));
        await ExecuteAsync(connection, "UPDATE products SET price = 9.99 WHERE id = 4");
        Assert.Equal(((long?)7, 9.99m, "lamp 4"), await CopyAsync(connection, 4));
        await ExecuteAsync(connection, "UPDATE products SET category_path = '{9}' WHERE id = 4");
        Assert.Equal(((long?)9, 9.99m, "lamp 4"), await CopyAsync(connection, 4));
        await ExecuteAsync(connection, "UPDATE products SET category_path = '{}' WHERE id = 6");
        Assert.Equal(((long?)null, 6.5m, "kettle 6"), await CopyAsync(connection, 6));

        // A stock change does not even rewrite the copy's row (its transaction id stays).
        const string CopyWriter = "SELECT xmin::text::bigint FROM product_texts WHERE id = 5";
        var writer = await ScalarAsync(connection, CopyWriter);
        await ExecuteAsync(connection, "UPDATE products SET on_hand = 3, reserved = 1 WHERE id = 5");
        Assert.Equal(writer, await ScalarAsync(connection, CopyWriter));

        await ExecuteAsync(connection, "DELETE FROM products WHERE id IN (7, 8)");
        await ExecuteAsync(connection,
            """
            INSERT INTO products (id, title, description, sku, price, category_id, search_text, category_path, created_at, updated_at, version)
            VALUES (30, 't', 'd', 'S30', 1.25, NULL, 'новый', '{7}', now(), now(), 1)
            """);
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM product_texts WHERE id IN (7, 8)"));
        Assert.Equal(((long?)7, 1.25m, "новый"), await CopyAsync(connection, 30));
        Assert.Equal(19L, await ScalarAsync(connection, "SELECT count(*) FROM product_texts"));
        Assert.Equal(0L, await ScalarAsync(connection,
            """
            SELECT count(*) FROM product_texts_expected e FULL JOIN product_texts t ON t.id = e.id
            WHERE (e.id, e.category_root, e.price, e.search_text) IS DISTINCT FROM (t.id, t.category_root, t.price, t.search_text)
            """));

        // The trigram index moved from products to the copy.
        Assert.Equal(1L, await ScalarAsync(connection,
            "SELECT count(*) FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%' AND tablename = 'product_texts'"));
        Assert.Equal(0L, await ScalarAsync(connection,
            "SELECT count(*) FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%' AND tablename = 'products'"));
    }

    [Fact]
    public async Task The_price_backfill_counts_rows_written_before_it_once_in_the_band_of_their_price()
    {
        // As migration 014 left the table: rows, no price triggers, no price counts.
        await using var connection = await BackfilledTwiceAsync("price_counts", "015_price_counts", "price_counts",
            """
            INSERT INTO products (id, title, description, sku, price, category_id, search_text, category_path, created_at, updated_at, version, on_hand)
            SELECT g, 't', 'd', 'S' || g, (ARRAY[0, 0.98, 1.02, 1.03, 1.08])[g % 5 + 1], NULL, 't', '{}', now(), now(), 1, 0
            FROM generate_series(1, 50) AS g;
            """);

        // Ten rows at each price; the cuts near 1 are 0.98, 1.03 and 1.08, so 0.98 and 1.02 share a band.
        Assert.Equal(10L, await BandKeptAsync(connection, 0m));
        Assert.Equal(20L, await BandKeptAsync(connection, 1.00m));
        Assert.Equal(10L, await BandKeptAsync(connection, 1.05m));
        Assert.Equal(10L, await BandKeptAsync(connection, 1.10m));
        Assert.Equal(50L, await ScalarAsync(connection, "SELECT sum(products)::bigint FROM price_counts"));
        await ExecuteAsync(connection, "UPDATE products SET price = 1.03 WHERE price = 1.02");
        Assert.Equal(10L, await BandKeptAsync(connection, 1.00m));
        Assert.Equal(20L, await BandKeptAsync(connection, 1.05m));
    }

    [Fact]
    public async Task The_reserved_backfill_sums_rows_written_before_it_once_per_stripe_and_the_triggers_follow()
    {
        // As migration 015 left the table: rows with reserved units, no reserved triggers, no kept sum.
        await using var connection = await BackfilledTwiceAsync("reserved_units", "016_reserved_units", "reserved_units",
            """
            INSERT INTO products (id, title, description, sku, price, category_id, search_text, category_path, created_at, updated_at, version, on_hand, reserved)
            SELECT g, 't', 'd', 'S' || g, 1, NULL, 't', '{}', now(), now(), 1, 10, g % 4
            FROM generate_series(1, 40) AS g;
            """);

        // Ids 1..40 hold id % 4 units: ten rows each of 0, 1, 2 and 3; stripe 1 is ids 1, 17 and 33, one unit each.
        Assert.Equal(60L, await ScalarAsync(connection, "SELECT sum(units)::bigint FROM reserved_units"));
        Assert.Equal(3L, await ScalarAsync(connection, "SELECT units FROM reserved_units WHERE stripe = 1"));
        await ExecuteAsync(connection, "UPDATE products SET reserved = 5 WHERE id = 1; UPDATE products SET on_hand = 9, price = 2 WHERE id = 17");
        Assert.Equal(7L, await ScalarAsync(connection, "SELECT units FROM reserved_units WHERE stripe = 1"));
        await ExecuteAsync(connection, "DELETE FROM products WHERE id = 33");
        Assert.Equal(6L, await ScalarAsync(connection, "SELECT units FROM reserved_units WHERE stripe = 1"));
        Assert.Equal(63L, await ScalarAsync(connection, "SELECT sum(units)::bigint FROM reserved_units"));
    }

    private static async Task<long> BandKeptAsync(NpgsqlConnection connection, decimal price) =>
        await ScalarAsync(connection, $"SELECT coalesce(sum(products), 0)::bigint FROM price_counts WHERE band = price_band({price.ToString(System.Globalization.CultureInfo.InvariantCulture)})");

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> GramKeptAsync(NpgsqlConnection connection, string gram)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(sum(products), 0)::bigint FROM gram_counts WHERE gram = $1", connection);
        command.Parameters.Add(new() { Value = gram });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> RootGramKeptAsync(NpgsqlConnection connection, long root, string gram)
    {
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(products), 0)::bigint FROM root_gram_counts WHERE category_root = $1 AND gram = $2", connection);
        command.Parameters.Add(new() { Value = root });
        command.Parameters.Add(new() { Value = gram });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(long Products, long InStock)> KeptAsync(NpgsqlConnection connection, long key)
    {
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(products), 0)::bigint, coalesce(sum(in_stock), 0)::bigint FROM product_counts WHERE category_id = $1", connection);
        command.Parameters.Add(new() { Value = key });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<(long? Root, decimal Price, string Text)> CopyAsync(NpgsqlConnection connection, long id)
    {
        await using var command = new NpgsqlCommand("SELECT category_root, price, search_text FROM product_texts WHERE id = $1", connection);
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no copy of product {id}");
        return (reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetDecimal(1), reader.GetString(2));
    }

    private static string Migration(string name)
    {
        using var stream = typeof(ProductGrain).Assembly.GetManifestResourceStream($"sql/{name}.sql")!;
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>
    /// A migrated database whose product rows were written as before the migration (no triggers, the counts table
    /// empty), after running the migration over them twice; returns an open connection to it.
    /// </summary>
    private static async Task<NpgsqlConnection> BackfilledTwiceAsync(string database, string migration, string countsTable, string rowsSql)
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync(database);
        await new Commerce.Postgres.SchemaMigrator(typeof(ProductGrain).Assembly, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
            .MigrateAsync(connectionString, default);
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // The table name is one of the tests' constants, never input.
        await ExecuteAsync(connection,
            $"ALTER TABLE products DISABLE TRIGGER USER; {rowsSql}; ALTER TABLE products ENABLE TRIGGER USER; DELETE FROM {countsTable};");
        for (var run = 0; run < 2; run++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, Migration(migration), transaction);
            await transaction.CommitAsync();
        }

        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
