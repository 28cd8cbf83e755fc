using System.Net;
using Commerce.Tests.Api;
using Commerce.Tools.CatalogAudit;
using Npgsql;

namespace Commerce.Tests.Hardening;

/// <summary>
/// The maintained search totals (<c>product_counts</c>, sql/012; <c>gram_counts</c>, sql/014; <c>price_counts</c>,
/// sql/015; <c>root_gram_counts</c>, sql/019) equal what counting the product rows gives, for the whole catalog, every
/// category, every gram, every root and gram, and price ranges, after concurrent creates, renames, price changes,
/// product moves, subtree moves, stock changes, deletes and a category delete; searches read them; the audit reports
/// counts that differ from the rows and the rebuild rewrites them.
/// </summary>
public sealed class ProductCountsTests
{
    [Fact]
    public async Task The_counts_equal_the_rows_after_concurrent_writes_of_every_kind()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var client = catalog.Client;
        var roots = new[] { await client.CreateCategoryAsync("North"), await client.CreateCategoryAsync("South") };
        var branches = new List<long>();
        foreach (var root in roots)
        {
            for (var i = 0; i < 3; i++)
            {
                var branch = await client.CreateCategoryAsync($"Branch {root}-{i}", root);
                branches.Add(branch);
                branches.Add(await client.CreateCategoryAsync("Twig", branch));
            }
        }

        long[] categories = [.. roots, .. branches];
        // Writes during the run link only to categories that the subtree delete below leaves standing.
        long[] standing = [.. roots, .. branches.Where((_, index) => index is not 4 and not 5)];
        var products = await Task.WhenAll(Enumerable.Range(0, 48).Select(async i =>
            (await client.CreateProductAsync(categoryId: i % 7 == 0 ? null : categories[i % categories.Length], stockOnHand: i % 3)).Id()));

        var writes = Enumerable.Range(0, 48).Select(async i =>
        {
            var id = products[i];
            var outcome = (i % 6) switch
            {
                0 => await client.ApiPatchAsync($"/api/v1/products/{id}", new { category_id = standing[i % standing.Length] }),
                1 => await client.ApiPatchAsync($"/api/v1/products/{id}", new { category_id = (long?)null }),
                2 => await client.ApiPostAsync($"/api/v1/products/{id}/stock-adjustments", new { delta = 4, reason = "restock" }),
                3 => await client.ApiDeleteAsync($"/api/v1/products/{id}"),
                4 => await client.ApiPatchAsync($"/api/v1/products/{id}", new { price = "12.50", title = $"Renamed {i} 냉장" }),
                _ => await client.ApiPostAsync("/api/v1/products", new
                {
                    title = $"Concurrent {i}", description = "Made while others move.", sku = Unique.Sku(), price = "3.00",
                    category_id = standing[(i + 1) % standing.Length], stock_on_hand = i % 2,
                }),
            };
            Assert.True(outcome.Status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent, $"write {i}: {outcome.Status}");
        }).ToList();
        // Subtree moves and a subtree delete while the product writes run.
        writes.Add(Task.Run(async () =>
        {
            (await client.ApiPatchAsync($"/api/v1/categories/{branches[0]}", new { parent_id = roots[1] })).AssertStatus(HttpStatusCode.OK);
            (await client.ApiPatchAsync($"/api/v1/categories/{branches[8]}", new { parent_id = branches[2] })).AssertStatus(HttpStatusCode.OK);
            (await client.ApiDeleteAsync($"/api/v1/categories/{branches[4]}")).AssertStatus(HttpStatusCode.NoContent);
        }));
        await Task.WhenAll(writes);

        var differences = await CountsThatDifferFromTheRowsAsync(catalog.ConnectionString);

        Assert.Empty(differences);
        Assert.Empty(await GramCountsThatDifferFromTheRowsAsync(catalog.ConnectionString));
        Assert.Empty(await RootGramCountsThatDifferFromTheRowsAsync(catalog.ConnectionString));
        Assert.Empty((await new CatalogAuditor(catalog.ConnectionString).RunAsync()).Violations);
        Assert.Equal(await CountAsync(catalog.ConnectionString, "SELECT count(*) FROM products"), await SearchTotalAsync(client, ""));
        var renamed = await CountAsync(catalog.ConnectionString, "SELECT count(*) FROM products WHERE search_text LIKE '%냉장%'");
        Assert.Equal(8, renamed);
        Assert.Equal(renamed, await SearchTotalAsync(client, "q=" + Uri.EscapeDataString("냉장")));
        foreach (var root in roots)
        {
            Assert.Equal(
                await CountAsync(catalog.ConnectionString, $"SELECT count(*) FROM products WHERE category_path[1] = {root} AND search_text LIKE '%냉장%'"),
                await SearchTotalAsync(client, $"category_id={root}&q=" + Uri.EscapeDataString("냉장")));
        }
        foreach (var (range, where) in new[]
        {
            ("max_price=10.00", "price <= 10.00"), ("min_price=12.50", "price >= 12.50"),
            ("min_price=3.00&max_price=12.50", "price BETWEEN 3.00 AND 12.50"), ("min_price=12.50&max_price=12.50", "price = 12.50"),
        })
        {
            Assert.Equal(await CountAsync(catalog.ConnectionString, "SELECT count(*) FROM products WHERE " + where), await SearchTotalAsync(client, range));
        }
    }

    [Fact]
    public async Task Audit_reports_counts_that_differ_from_the_rows_and_rebuild_rewrites_them()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: RebuildSample.NoSweep);
        var sample = await RebuildSample.CreateAsync(catalog.Client);
        Assert.Empty((await new CatalogAuditor(catalog.ConnectionString).RunAsync()).Violations);
        var stripe = sample.Hammer % 16;
        var inStripe = new[] { sample.Hammer, sample.Drill }.Count(id => id % 16 == stripe);
        await ExecuteAsync(catalog.ConnectionString,
            $"UPDATE product_counts SET products = products + 5 WHERE category_id = {sample.Tools} AND stripe = {stripe};" +
            "DELETE FROM product_counts WHERE category_id = 0;" +
            $"INSERT INTO product_counts VALUES ({RebuildSample.GhostId}, 3, 2, 1);" +
            "INSERT INTO gram_counts VALUES ('ж', 0, 1, 2);" +
            $"UPDATE gram_counts SET products = products + 3 WHERE gram = 'b' AND id_range = 0 AND stripe = {sample.Hammer % 4};" +
            $"INSERT INTO root_gram_counts VALUES ({sample.Tools}, 'ы', 1, 3);" +
            "INSERT INTO price_counts VALUES (1.03, 3);" +
            $"UPDATE product_texts SET search_text = 'plain saw' WHERE id = {sample.Rake};" +
            $"DELETE FROM product_texts WHERE id = {sample.Loose};" +
            $"INSERT INTO product_texts VALUES ({RebuildSample.GhostId}, NULL, 1.00, 'ghost saw')");

        var report = await new CatalogAuditor(catalog.ConnectionString).RunAsync();

        Assert.Contains($"product counts equal the rows: category {sample.Tools}, stripe {stripe}: products {inStripe + 5} rows {inStripe}, in stock 0 rows 0", report.Violations);
        Assert.Contains($"product counts equal the rows: category {RebuildSample.GhostId}, stripe 3: products 2 rows 0, in stock 1 rows 0", report.Violations);
        Assert.Contains(report.Violations, v => v.StartsWith("product counts equal the rows: all products, stripe ", StringComparison.Ordinal));
        Assert.Contains("gram counts equal the rows: gram 'ж', id range 0, stripe 1: products 2 rows 0", report.Violations);
        var holdingB = await CountAsync(catalog.ConnectionString, "SELECT count(*) FROM products WHERE search_grams @> ARRAY['b']");
        var holdingBInStripe = await CountAsync(catalog.ConnectionString, $"SELECT count(*) FROM products WHERE search_grams @> ARRAY['b'] AND id % 4 = {sample.Hammer % 4}");
        Assert.Contains($"gram counts equal the rows: gram 'b', id range 0, stripe {sample.Hammer % 4}: products {holdingBInStripe + 3} rows {holdingBInStripe}", report.Violations);
        // A term's total is the kept one (wrong here).
        Assert.Equal(holdingB + 3, await SearchTotalAsync(catalog.Client, "q=B"));
        Assert.Equal(2, await SearchTotalAsync(catalog.Client, "q=" + Uri.EscapeDataString("Ж")));
        Assert.Contains($"root gram counts equal the rows: root {sample.Tools}, gram 'ы', stripe 1: products 3 rows 0", report.Violations);
        Assert.Equal(3, await SearchTotalAsync(catalog.Client, $"category_id={sample.Tools}&q=" + Uri.EscapeDataString("Ы")));
        Assert.Contains("price counts equal the rows: band from 1.03: products 3 rows 0", report.Violations);
        var pricedAtMostTwo = await CountAsync(catalog.ConnectionString, "SELECT count(*) FROM products WHERE price <= 2");
        Assert.Equal(pricedAtMostTwo + 3, await SearchTotalAsync(catalog.Client, "max_price=2.00"));
        // The category-only total is the maintained one (wrong here); a search with text counts its rows.
        Assert.Equal(7, await SearchTotalAsync(catalog.Client, $"category_id={sample.Tools}"));
        Assert.Equal(0, await SearchTotalAsync(catalog.Client, ""));
        Assert.Equal(2, await SearchTotalAsync(catalog.Client, $"category_id={sample.Tools}&q=rebuilt"));
        Assert.Contains(report.Violations, v => v.StartsWith(
            $"text copy equals the product row: product {sample.Rake}: search_text copy='plain saw' row='rebuilt rake\u001f", StringComparison.Ordinal));
        Assert.Contains($"text copy equals the product row: product {sample.Loose}: missing", report.Violations);
        Assert.Contains($"text copy equals the product row: product {RebuildSample.GhostId}: copy of no product row", report.Violations);
        // A word's matches are the copy's (wrong here): the rake's and the ladder's are not found.
        Assert.Equal(2, await SearchTotalAsync(catalog.Client, "q=rebuilt"));

        var result = await new ReadTableRebuilder(catalog.ConnectionString).RunAsync();

        Assert.Equal(0, result.ProductsWritten);
        Assert.True(result.CountsRewritten >= 3, result.ToString());
        Assert.Equal(3, result.TextsRewritten);
        Assert.Empty((await new CatalogAuditor(catalog.ConnectionString).RunAsync()).Violations);
        Assert.Empty(await CountsThatDifferFromTheRowsAsync(catalog.ConnectionString));
        Assert.Equal(2, await SearchTotalAsync(catalog.Client, $"category_id={sample.Tools}"));
        Assert.Equal(4, await SearchTotalAsync(catalog.Client, ""));
        Assert.Equal(0, await SearchTotalAsync(catalog.Client, "q=" + Uri.EscapeDataString("Ж")));
        Assert.Equal(holdingB, await SearchTotalAsync(catalog.Client, "q=b"));
        Assert.Equal(0, await SearchTotalAsync(catalog.Client, $"category_id={sample.Tools}&q=" + Uri.EscapeDataString("Ы")));
        Assert.Equal(pricedAtMostTwo, await SearchTotalAsync(catalog.Client, "max_price=2.00"));
        Assert.Equal(4, await SearchTotalAsync(catalog.Client, "q=rebuilt"));
        Assert.Equal(0, await SearchTotalAsync(catalog.Client, "q=saw"));
    }

    /// <summary>
    /// Compares the counts with counts of the rows made without the aggregate's own key function: for the whole
    /// catalog and every category of the tree (and every key the table holds), products and products in stock.
    /// </summary>
    private static Task<List<string>> CountsThatDifferFromTheRowsAsync(string connectionString) =>
        LinesAsync(
            connectionString,
            """
            WITH keys AS (SELECT 0::bigint AS id UNION SELECT id FROM categories UNION SELECT category_id FROM product_counts),
            counted AS (
                SELECT k.id,
                       (SELECT count(*) FROM products p WHERE k.id = 0 OR p.category_path @> ARRAY[k.id]) AS products,
                       (SELECT count(*) FROM products p WHERE (k.id = 0 OR p.category_path @> ARRAY[k.id]) AND p.available > 0) AS in_stock
                FROM keys k),
            kept AS (SELECT category_id AS id, sum(products) AS products, sum(in_stock) AS in_stock FROM product_counts GROUP BY category_id)
            SELECT format('key %s: kept %s/%s, rows %s/%s', c.id, coalesce(k.products, 0), coalesce(k.in_stock, 0), c.products, c.in_stock)
            FROM counted c LEFT JOIN kept k USING (id)
            WHERE coalesce(k.products, 0) <> c.products OR coalesce(k.in_stock, 0) <> c.in_stock
            """);

    /// <summary>The gram counts (summed over stripes) against the grams of the rows, for every gram either side has.</summary>
    private static Task<List<string>> GramCountsThatDifferFromTheRowsAsync(string connectionString) =>
        LinesAsync(
            connectionString,
            """
            WITH counted AS (SELECT g AS gram, count(*) AS products FROM products, unnest(search_grams) AS g GROUP BY g),
            kept AS (SELECT gram, sum(products) AS products FROM gram_counts GROUP BY gram HAVING sum(products) <> 0)
            SELECT format('gram %s: kept %s, rows %s', gram, coalesce(k.products, 0), coalesce(c.products, 0))
            FROM counted c FULL JOIN kept k USING (gram)
            WHERE coalesce(k.products, 0) <> coalesce(c.products, 0)
            """);

    /// <summary>
    /// The root gram counts (summed over stripes) against the grams of the rows under the first category of their path,
    /// for every root and gram either side has.
    /// </summary>
    private static Task<List<string>> RootGramCountsThatDifferFromTheRowsAsync(string connectionString) =>
        LinesAsync(
            connectionString,
            """
            WITH counted AS (
                SELECT category_path[1] AS root, g AS gram, count(*) AS products
                FROM products, unnest(search_grams) AS g
                WHERE cardinality(category_path) > 0
                GROUP BY 1, 2),
            kept AS (
                SELECT category_root AS root, gram, sum(products) AS products FROM root_gram_counts
                GROUP BY 1, 2 HAVING sum(products) <> 0)
            SELECT format('root %s, gram %s: kept %s, rows %s', root, gram, coalesce(k.products, 0), coalesce(c.products, 0))
            FROM counted c FULL JOIN kept k USING (root, gram)
            WHERE coalesce(k.products, 0) <> coalesce(c.products, 0)
            """);

    /// <summary>The first column of every row a query returns, as text.</summary>
    private static async Task<List<string>> LinesAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    /// <summary>The total of a one-row page past the end, which only a count (or the counts) can tell.</summary>
    private static async Task<long> SearchTotalAsync(HttpClient client, string filter)
    {
        var response = await client.ApiGetAsync($"/api/v1/products/search?limit=1&offset=100&{filter}");
        response.AssertStatus(HttpStatusCode.OK);
        return response.Json["total"]!.GetValue<long>();
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
