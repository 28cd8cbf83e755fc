using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Commerce.Grains.Interfaces.Categories;
using Commerce.Tests.Api;
using Commerce.Tests.Orders;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using static Commerce.Tests.Hardening.SqlStatements;

namespace Commerce.Tests.Hardening;

/// <summary>
/// A category with a price range or a text term: a top-level category is answered from the indexes that lead with the
/// path's first element (<c>category_root</c>): the b-tree on it and the price (sql/017), the GIN indexes on it and the
/// text (sql/018, the word's on its copy since sql/024); any other category from the path's GIN index. A word
/// without a category is found in its copy alone. The statement picks by the category's row (a root,
/// and <c>product_paths_current</c>), which a path change clears and only a re-projection of the products sets again.
/// Each test has a catalog of its own: two roots, a child and a grandchild, products priced 1 … 24 whose titles hold
/// a Korean word, a Chinese word or a Latin one.
/// </summary>
public sealed class RootSubtreeSearchTests
{
    private sealed record Item(long Id, string Title, int Price, long? Category, bool InStock);

    private sealed record Tree(long Home, long Kitchen, long Pots, long Garden)
    {
        /// <summary>The categories whose subtree holds a product of <paramref name="category"/>, before any move.</summary>
        public long[] Ancestry(long? category) =>
            category == Pots ? [Home, Kitchen, Pots] : category == Kitchen ? [Home, Kitchen] : category is { } c ? [c] : [];
    }

    /// <summary>A one-character and a two-character term (grams) and a word (trigrams); none is in a test SKU.</summary>
    private static readonly string?[] Terms = [null, "무", "背包", "kettle"];

    private static readonly string[] Words = ["무선 kettle", "背包 lamp", "kettle 背包", "lamp"];

    [Fact]
    public async Task Every_category_with_every_kind_of_price_range_and_term_gets_its_subtree_page_and_exact_total()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var (tree, items) = await SeedAsync(catalog.Client);
        var ranges = new (int? Min, int? Max)[] { (5, 20), (null, 12), (9, null), (7, 7), (30, null) };

        using var counter = new SqlCommandCounter();
        foreach (var category in new[] { tree.Home, tree.Kitchen, tree.Pots, tree.Garden })
        {
            foreach (var term in Terms)
            {
                // Without a term every kind of range; with one, no range, a narrow and a broad one.
                foreach (var (min, max) in term is null ? ranges : [(null, null), (7, 7), (null, 12)])
                {
                    foreach (var inStock in new bool?[] { null, true })
                    {
                        foreach (var offset in new[] { 0, 2 })
                        {
                            var url = Url(category, min, max, offset) + (term is null ? "" : "&q=" + Uri.EscapeDataString(term))
                                + (inStock is null ? "" : "&in_stock=true");
                            var (response, commands) = await counter.GetAsync(catalog.Client, url);
                            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                            var expected = items
                                .Where(item => tree.Ancestry(item.Category).Contains(category) && (min is null || item.Price >= min)
                                    && (max is null || item.Price <= max) && (inStock is null || item.InStock)
                                    && (term is null || item.Title.Contains(term, StringComparison.Ordinal)))
                                .Select(item => item.Id).Order().ToList();
                            Assert.True(expected.Count == page["total"]!.GetValue<long>(), $"{url}: total {page["total"]}, expected {expected.Count}");
                            Assert.Equal(expected.Skip(offset).Take(2), page["items"]!.AsArray().Select(item => item!.Id()));
                            // The one pass of both branches; for a short term, the root's kept count (sql/019), which
                            // alone answers a page past the matches, then a walk of the root or the one pass.
                            Assert.Contains(commands, sql => sql.Contains("category_root = $", StringComparison.Ordinal)
                                && (sql.Contains("UNION ALL", StringComparison.Ordinal) || sql.Contains("root_gram_counts", StringComparison.Ordinal)));
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public async Task The_root_range_answers_only_a_root_whose_row_says_its_products_carry_its_current_path()
    {
        // No sweep: it would repair the category row this test bends away from the tree.
        await using var catalog = await IsolatedCatalog.StartAsync(settings: RebuildSample.NoSweep);
        var (tree, items) = await SeedAsync(catalog.Client);
        var underKitchen = items.Where(item => item.Category == tree.Kitchen || item.Category == tree.Pots).Select(item => item.Id).Order().ToList();
        List<long> UnderKitchenHolding(string term) =>
            items.Where(item => underKitchen.Contains(item.Id) && item.Title.Contains(term, StringComparison.Ordinal)).Select(item => item.Id).Order().ToList();
        Assert.Equal(4, UnderKitchenHolding("kettle").Count);
        Assert.Equal(2, UnderKitchenHolding("무").Count);
        await using var database = new NpgsqlConnection(catalog.ConnectionString);
        await database.OpenAsync();

        // Kitchen's row becomes a root's, as a move to the top writes it, while its products keep paths that start at
        // Home: the state between a move's category rows and its products' re-projection.
        await ExecuteAsync(database, $"UPDATE categories SET parent_id = NULL, path = ARRAY[{tree.Kitchen}::bigint] WHERE id = {tree.Kitchen}");
        Assert.False(await PathsCurrentAsync(database, tree.Kitchen));
        Assert.Equal(underKitchen, await SearchAsync(catalog.Client, tree.Kitchen));
        Assert.Equal(UnderKitchenHolding("kettle"), await SearchAsync(catalog.Client, tree.Kitchen, "kettle"));
        Assert.Equal(UnderKitchenHolding("무"), await SearchAsync(catalog.Client, tree.Kitchen, "무"));

        // Were the row to claim current paths now, the root branch would look for paths starting at Kitchen: none do.
        await ExecuteAsync(database, $"UPDATE categories SET product_paths_current = true WHERE id = {tree.Kitchen}");
        Assert.Empty(await SearchAsync(catalog.Client, tree.Kitchen));
        Assert.Empty(await SearchAsync(catalog.Client, tree.Kitchen, "kettle"));
        Assert.Empty(await SearchAsync(catalog.Client, tree.Kitchen, "무"));

        // Home is still a root with current paths, and a category that does not exist matches nothing.
        Assert.Equal(items.Where(item => tree.Ancestry(item.Category).Contains(tree.Home)).Select(item => item.Id).Order(), await SearchAsync(catalog.Client, tree.Home));
        Assert.Empty(await SearchAsync(catalog.Client, tree.Garden + 1000));

        // The tree's repair writes Kitchen's row back under Home, re-projects every product, then marks every row current.
        await catalog.Services.GetRequiredService<IGrainFactory>().GetGrain<ICategoryTreeGrain>(ICategoryTreeGrain.Key).RepairReadRowsAsync();
        Assert.Equal(0, await ScalarAsync(database, "SELECT count(*) FROM categories WHERE NOT product_paths_current"));
        Assert.Equal(underKitchen, await SearchAsync(catalog.Client, tree.Kitchen));
        Assert.Equal(UnderKitchenHolding("kettle"), await SearchAsync(catalog.Client, tree.Kitchen, "kettle"));
        Assert.Equal(UnderKitchenHolding("무"), await SearchAsync(catalog.Client, tree.Kitchen, "무"));
        Assert.Equal(items.Where(item => tree.Ancestry(item.Category).Contains(tree.Home)).Select(item => item.Id).Order(), await SearchAsync(catalog.Client, tree.Home));
    }

    [Fact]
    public async Task A_moved_category_is_marked_current_once_its_products_carry_the_new_path()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var (tree, items) = await SeedAsync(catalog.Client);
        var underKitchen = items.Where(item => item.Category == tree.Kitchen || item.Category == tree.Pots).Select(item => item.Id).Order().ToList();
        var inHomeOnly = items.Where(item => item.Category == tree.Home).Select(item => item.Id).Order().ToList();
        var inGarden = items.Where(item => item.Category == tree.Garden).Select(item => item.Id).Order().ToList();
        await using var database = new NpgsqlConnection(catalog.ConnectionString);
        await database.OpenAsync();

        // To the top: Kitchen is a root, and its products' paths start with it.
        (await catalog.Client.ApiPatchAsync($"/api/v1/categories/{tree.Kitchen}", new Dictionary<string, object?> { ["parent_id"] = null }))
            .AssertStatus(HttpStatusCode.OK);
        Assert.True(await PathsCurrentAsync(database, tree.Kitchen));
        Assert.True(await PathsCurrentAsync(database, tree.Pots));
        Assert.Equal(underKitchen, await SearchAsync(catalog.Client, tree.Kitchen));
        Assert.Equal(inHomeOnly, await SearchAsync(catalog.Client, tree.Home));
        Assert.Equal(underKitchen.Count, await ScalarAsync(database, $"SELECT count(*) FROM products WHERE category_root = {tree.Kitchen}"));

        // Under Garden: Garden's tree holds Kitchen's, Home's does not.
        (await catalog.Client.ApiPatchAsync($"/api/v1/categories/{tree.Kitchen}", new { parent_id = tree.Garden })).AssertStatus(HttpStatusCode.OK);
        Assert.True(await PathsCurrentAsync(database, tree.Kitchen));
        Assert.Equal(inGarden.Concat(underKitchen).Order(), await SearchAsync(catalog.Client, tree.Garden));
        Assert.Equal(underKitchen, await SearchAsync(catalog.Client, tree.Kitchen));
        Assert.Equal(inHomeOnly, await SearchAsync(catalog.Client, tree.Home));
        Assert.Equal(0, await ScalarAsync(database, "SELECT count(*) FROM categories WHERE NOT product_paths_current"));

        // A rename leaves the path, and the mark, as they are.
        (await catalog.Client.ApiPatchAsync($"/api/v1/categories/{tree.Garden}", new { name = "Yard" })).AssertStatus(HttpStatusCode.OK);
        Assert.True(await PathsCurrentAsync(database, tree.Garden));
    }

    [Fact]
    public async Task A_term_within_a_root_tree_is_looked_up_by_root_and_term_in_one_scan_of_the_text_index()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var (tree, _) = await SeedAsync(catalog.Client);
        await using var database = new NpgsqlConnection(catalog.ConnectionString);
        await database.OpenAsync();

        using var counter = new SqlCommandCounter();
        foreach (var (term, bound, index, termCondition) in new[]
                 {
                     ("背包", "背包", "products_root_search_grams", "search_grams @>"),
                     ("kettle", "%kettle%", "product_texts_root_search_text", "search_text ~~"),
                 })
        {
            var (response, commands) = await counter.GetAsync(catalog.Client, $"/api/v1/products/search?category_id={tree.Home}&q={Uri.EscapeDataString(term)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var onePass = Assert.Single(commands, sql => sql.Contains("UNION ALL", StringComparison.Ordinal));

            // The plan of the statement the service sent, with the values it bound ($1 the term, $2 the category, $3 and
            // $4 the page's limit and offset), over a catalog large enough for the planner to weigh its indexes
            // (AddPlanRowsAsync), rolled back after.
            await using var transaction = await database.BeginTransactionAsync();
            await AddPlanRowsAsync(database, tree);
            var plan = await ColumnAsync<string>(database, "EXPLAIN " + onePass, bound, tree.Home, 20, 0L);

            var scan = plan.FindIndex(line => line.Contains($"Bitmap Index Scan on {index}", StringComparison.Ordinal));
            Assert.True(scan >= 0, string.Join("\n", plan));
            Assert.Contains("category_root =", plan[scan + 1], StringComparison.Ordinal);
            Assert.Contains(termCondition, plan[scan + 1], StringComparison.Ordinal);
            await transaction.RollbackAsync();
        }
    }

    [Fact]
    public async Task A_word_without_a_category_is_found_and_counted_in_its_narrow_copy()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var (tree, _) = await SeedAsync(catalog.Client);
        await using var database = new NpgsqlConnection(catalog.ConnectionString);
        await database.OpenAsync();

        using var counter = new SqlCommandCounter();
        foreach (var (filter, values) in new (string, object[])[] { ("", ["%kettle%", 20, 0L]), ("&max_price=12", ["%kettle%", 12m, 20, 0L]) })
        {
            var (response, commands) = await counter.GetAsync(catalog.Client, "/api/v1/products/search?q=kettle" + filter);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var onePass = Assert.Single(commands, sql => sql.Contains("WITH matches", StringComparison.Ordinal));

            // Over the 24,000 added rows (1,200 of them kettles): the copy's trigram index, the copy's rows tested, and
            // products only read by id for the page.
            await using var transaction = await database.BeginTransactionAsync();
            await AddPlanRowsAsync(database, tree);
            var plan = await ColumnAsync<string>(database, "EXPLAIN " + onePass, values);
            var what = string.Join("\n", plan);
            Assert.True(plan.Any(line => line.Contains("Bitmap Index Scan on product_texts_root_search_text", StringComparison.Ordinal)), what);
            Assert.True(plan.Any(line => line.Contains("Bitmap Heap Scan on product_texts", StringComparison.Ordinal)), what);
            Assert.DoesNotContain(plan, line => line.Contains("Scan on products", StringComparison.Ordinal) && !line.Contains("products_pkey", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
            await transaction.RollbackAsync();
        }
    }

    [Fact]
    public async Task A_roots_tree_is_walked_in_id_order_on_its_own_b_tree()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var (tree, _) = await SeedAsync(catalog.Client);
        await using var database = new NpgsqlConnection(catalog.ConnectionString);
        await database.OpenAsync();

        // Every title holds 'l', so the term matches Home's whole tree, as the category alone does: both walk the tree,
        // the term testing each row, the category alone on the index only.
        using var counter = new SqlCommandCounter();
        foreach (var (filter, values, scan) in new (string, object[], string)[]
                 {
                     ("q=l&", ["l", tree.Home], "Index Scan using products_root_id"), ("", [tree.Home], "Index Only Scan using products_root_id"),
                 })
        {
            var (response, commands) = await counter.GetAsync(catalog.Client, $"/api/v1/products/search?{filter}category_id={tree.Home}&limit=2");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var walk = Assert.Single(commands, sql => sql.Contains("ORDER BY category_root, id", StringComparison.Ordinal));

            // The plan of that statement on a deeper page (500 of the tree's 2,016 rows) over the catalog below: the
            // root's b-tree read in its order, neither the primary key walked nor the tree collected and sorted. The
            // page's 20 rows are then read by id.
            await using var transaction = await database.BeginTransactionAsync();
            await AddPlanRowsAsync(database, tree);
            var plan = await ColumnAsync<string>(database, "EXPLAIN " + walk.Replace("OFFSET 0", "OFFSET 500", StringComparison.Ordinal), values);
            var what = string.Join("\n", plan);
            Assert.True(plan.Any(line => line.Contains(scan + " on products products_1", StringComparison.Ordinal)), what);
            Assert.False(plan.Any(line => line.Contains("Bitmap", StringComparison.Ordinal) || line.Contains("Seq Scan", StringComparison.Ordinal)
                || line.Contains("products_pkey on products products_1", StringComparison.Ordinal)
                || (line.Contains("Sort Key", StringComparison.Ordinal) && line.Contains("category_root", StringComparison.Ordinal))), what);
            await transaction.RollbackAsync();
        }
    }

    /// <summary>
    /// A catalog large enough for the planner to weigh its indexes: 24,000 more rows of a product's width (a
    /// description of about 1 kB), in the caller's transaction. One in twelve is in Home's tree, one in twenty holds
    /// 'kettle 背包', the others 'lamp'.
    /// </summary>
    private static async Task AddPlanRowsAsync(NpgsqlConnection database, Tree tree)
    {
        // The kept counts' triggers would take ~1 ms a row; the table's owner may switch them off, and the
        // rollback switches them on again.
        await ExecuteAsync(database, "ALTER TABLE products DISABLE TRIGGER USER");
        await ExecuteAsync(database, $"""
            INSERT INTO products (id, title, description, sku, price, search_text, created_at, updated_at, version, search_grams, category_path)
            SELECT 1000000 + n, t.title, repeat('description ', 80), 'PLAN-' || n, 1 + n % 300, t.title || E'\x1f' || 'plan-' || n, now(), now(), 1,
                   search_grams_of(t.title || E'\x1f' || 'plan-' || n),
                   CASE WHEN n % 12 = 0 THEN ARRAY[{tree.Home}::bigint] ELSE ARRAY[{tree.Garden}::bigint] END
            FROM generate_series(1, 24000) AS n,
                 LATERAL (SELECT CASE WHEN n % 20 = 0 THEN 'kettle 背包 ' ELSE 'lamp ' END || n AS title) AS t
            """);
        // What the copy's triggers would have written (sql/024).
        await ExecuteAsync(database,
            "INSERT INTO product_texts (id, category_root, price, search_text) SELECT id, category_root, price, search_text FROM products WHERE id > 1000000");
        await ExecuteAsync(database, "ANALYZE products");
        await ExecuteAsync(database, "ANALYZE product_texts");
    }

    private static async Task<(Tree Tree, List<Item> Items)> SeedAsync(HttpClient client)
    {
        var home = await client.CreateCategoryAsync("Home");
        var kitchen = await client.CreateCategoryAsync("Kitchen", home);
        var pots = await client.CreateCategoryAsync("Pots", kitchen);
        var garden = await client.CreateCategoryAsync("Garden");
        var tree = new Tree(home, kitchen, pots, garden);
        long?[] placement = [home, kitchen, pots, garden, home, null];
        var items = new List<Item>();
        for (var price = 1; price <= 24; price++)
        {
            var category = placement[price % placement.Length];
            var inStock = price % 3 == 0;
            var title = $"{Words[price % Words.Length]} {price}";
            var created = await client.CreateProductAsync(
                title, price.ToString("0.00", CultureInfo.InvariantCulture), category, stockOnHand: inStock ? 5 : 0);
            items.Add(new Item(created.Id(), title, price, category, inStock));
        }

        return (tree, items);
    }

    private static string Url(long category, int? min, int? max, int offset) =>
        $"/api/v1/products/search?category_id={category}" + (min is null ? "" : $"&min_price={min}.00") + (max is null ? "" : $"&max_price={max}.00")
        + $"&limit=2&offset={offset}";

    /// <summary>Every product of the category's subtree priced 1.00 or more, or holding the term, in id order.</summary>
    private static async Task<List<long>> SearchAsync(HttpClient client, long category, string? term = null)
    {
        var filter = term is null ? "min_price=1.00" : "q=" + Uri.EscapeDataString(term);
        var response = await client.ApiGetAsync($"/api/v1/products/search?category_id={category}&{filter}&limit=100");
        response.AssertStatus(HttpStatusCode.OK);
        var ids = response.Json["items"]!.AsArray().Select(item => item!.Id()).ToList();
        Assert.Equal(ids.Count, response.Json["total"]!.GetValue<long>());
        return ids;
    }

    private static async Task<bool> PathsCurrentAsync(NpgsqlConnection database, long category)
    {
        await using var command = new NpgsqlCommand("SELECT product_paths_current FROM categories WHERE id = $1", database);
        command.Parameters.Add(new() { Value = category });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection database, string sql)
    {
        await using var command = new NpgsqlCommand(sql, database);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
