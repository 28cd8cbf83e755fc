using System.Net;
using System.Text.Json.Nodes;
using Commerce.Tests.Api;
using Commerce.Tests.Orders;
using Npgsql;

using static Commerce.Tests.Hardening.SqlStatements;

namespace Commerce.Tests.Hardening;

/// <summary>
/// A one- or two-character term searched alone takes its total from the maintained gram counts (sql/014) and its page
/// from the id ranges they are kept by (sql/022, <see cref="GramRangePageTests"/>). A category alone takes its total
/// from the category counts (sql/012) and picks its page's plan by it (KnownTotalPage): a walk in id order when
/// matches are dense (of the root's tree for a top-level category, sql/023, else of the primary key), page and total
/// in one pass when they are sparse or the page is deep.
/// Every page is the contract's answer on both plans. A one-character term with a price filter asks its kept total
/// whether a walk can pay off. Within a top-level category's tree the term's total is kept per root (sql/019) and read
/// only while the category is a root whose products carry its current path; any other category counts. A catalog of
/// its own, because the plan depends on its size.
/// </summary>
public sealed class ShortTermTotalsTests
{
    [Fact]
    public async Task Short_terms_and_categories_alone_read_the_kept_total_then_walk_dense_matches_and_collect_sparse_ones()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var client = catalog.Client;
        // 20 products: 12 hold 'ж' (dense) and are in the category's tree, 10 of them in its child, 2 of those also
        // '냉장' (sparse), 8 neither.
        var category = await client.CreateCategoryAsync("Жуки");
        var child = await client.CreateCategoryAsync("Малые", category);
        var dense = new List<long>();
        var sparse = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            var title = i switch
            {
                < 2 => $"Жар-птица {i} 냉장고",
                < 12 => $"Жук {i}",
                _ => $"Plain {i}",
            };
            long? categoryId = i switch { < 2 => category, < 12 => child, _ => null };
            var id = (await client.CreateProductAsync(title, categoryId: categoryId)).Id();
            if (i < 12)
            {
                dense.Add(id);
            }

            if (i < 2)
            {
                sparse.Add(id);
            }
        }

        using var counter = new SqlCommandCounter();
        // (query, expected ids, offset, the page's plan): a walk of n rows with m matches and limit 2 reads about
        // (offset + 2) × n / m rows, and is taken when that is at most half the matches. The category is a root: its
        // tree's walk reads the index alone, at any offset. Its child is not: the primary key's 20 rows hold its 10
        // matches, walked at offset 0 only. 2 matches are never walked. A term alone reads its page from the id ranges
        // that hold it (GramRangePageTests), here the first.
        var cases = new (string Query, List<long> Expected, int Offset, string? Plan)[]
        {
            ("q=ж", dense, 0, "ranges"), ("q=Ж", dense, 1, "ranges"), ("q=ж", dense, 10, "ranges"),
            ("q=ж", dense, 12, null), ("q=ж", dense, 100, null),
            ("q=냉장", sparse, 0, "ranges"), ("q=냉장", sparse, 1, "ranges"), ("q=냉장", sparse, 2, null),
            ("q=жж", [], 0, null),
            ($"category_id={category}", dense, 0, "tree walk"), ($"category_id={category}", dense, 10, "tree walk"),
            ($"category_id={category}", dense, 12, null),
            ($"category_id={child}", dense[2..], 0, "walk"), ($"category_id={child}", dense[2..], 1, "one pass"),
            // A one-character term with a price: the term's kept total says whether to walk (then count) or collect.
            ("q=ж&max_price=100", dense, 0, "walk then count"), ("q=냉&max_price=100", sparse, 0, "one pass"),
        };
        foreach (var (query, expected, offset, plan) in cases)
        {
            var (response, sent) = await counter.GetAsync(client, $"/api/v1/products/search?{query}&limit=2&offset={offset}");
            // A price beside the term is sized by the band counts the process holds (PriceBands), read by the first such
            // search; the term's kept total comes first of the search's own statements.
            var commands = sent.Where(sql => !SqlCommandCounter.ReadsPriceBands(sql)).ToList();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var what = $"{query} at {offset}: {string.Join(" | ", commands)}";
            Assert.True(expected.Count == page["total"]!.GetValue<long>(), what);
            Assert.Equal(expected.Skip(offset).Take(2), page["items"]!.AsArray().Select(item => item!.Id()));
            Assert.DoesNotContain(commands, sql => sql.Contains("price_band(", StringComparison.Ordinal));
            Assert.Contains(query.StartsWith("q=", StringComparison.Ordinal) ? "gram_counts" : "product_counts", commands[0], StringComparison.Ordinal);
            switch (plan)
            {
                case null:
                    Assert.True(commands.Count == 1, what);
                    break;
                case "walk":
                    Assert.True(commands.Count == 2 && !commands[1].Contains("MATERIALIZED", StringComparison.Ordinal)
                        && commands[1].Contains("ORDER BY id", StringComparison.Ordinal), what);
                    break;
                case "tree walk":
                    Assert.True(commands.Count == 2 && commands[1].Contains("ORDER BY category_root, id", StringComparison.Ordinal)
                        && commands[1].Contains($"category_root >= {category} AND category_root <= {category}", StringComparison.Ordinal), what);
                    break;
                case "ranges":
                    Assert.True(commands.Count == 2 && commands[1].Contains("id >= 0 AND id < 4096", StringComparison.Ordinal), what);
                    break;
                case "walk then count":
                    Assert.True(commands.Count == 3 && !commands[1].Contains("MATERIALIZED", StringComparison.Ordinal)
                        && commands[2].Contains("count(*)", StringComparison.Ordinal), what);
                    break;
                default:
                    Assert.True(commands.Count == 2 && commands[1].Contains("MATERIALIZED", StringComparison.Ordinal), what);
                    break;
            }
        }

        // A root whose products are being re-projected (its row says their paths are not current) has no tree to walk:
        // the category walks the primary key, testing the path.
        await using var database = new NpgsqlConnection(catalog.ConnectionString);
        await database.OpenAsync();
        await ExecuteAsync(database, $"UPDATE categories SET product_paths_current = false WHERE id = {category}");
        var (bent, bentCommands) = await counter.GetJsonAsync(client, $"/api/v1/products/search?category_id={category}&limit=2");
        Assert.Equal(12, bent["total"]!.GetValue<long>());
        Assert.Equal(dense.Take(2), bent["items"]!.AsArray().Select(item => item!.Id()));
        Assert.True(bentCommands.Count == 2 && bentCommands[1].Contains("category_path @>", StringComparison.Ordinal)
            && bentCommands[1].Contains("ORDER BY id", StringComparison.Ordinal), string.Join(" | ", bentCommands));
    }

    [Fact]
    public async Task A_short_term_within_a_root_tree_reads_the_roots_kept_total_and_any_other_category_counts()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var client = catalog.Client;
        var root = await client.CreateCategoryAsync("Жуки");
        var child = await client.CreateCategoryAsync("Малые", root);
        var otherRoot = await client.CreateCategoryAsync("Прочее");
        // 16 products, all holding 'ж': 0-3 in the root, 4-7 in its child (6 and 7 also hold '냉장'), 8-11 in another
        // root, 12-15 in no category.
        var ids = new List<long>();
        for (var i = 0; i < 16; i++)
        {
            var title = i is 6 or 7 ? $"Жар {i} 냉장고" : $"Жук {i}";
            long? category = i switch { < 4 => root, < 8 => child, < 12 => otherRoot, _ => null };
            ids.Add((await client.CreateProductAsync(title, categoryId: category)).Id());
        }

        List<long> inTree = ids[..8], sparse = ids[6..8], inChild = ids[4..8];
        using var counter = new SqlCommandCounter();
        string? walk = null;
        // With 8 products in the tree, 8 matches and limit 2 a walk of the tree reads about (offset + 2) × 8 / 8 rows:
        // no more than half the matches up to offset 2 (the primary key's 16 rows only at offset 0). The child is no
        // root: its kept total is NULL, and the search counts.
        var cases = new (long Category, string Term, List<long> Expected, int Offset, string? Plan)[]
        {
            (root, "ж", inTree, 0, "walk"), (root, "Ж", inTree, 1, "walk"), (root, "ж", inTree, 2, "walk"), (root, "ж", inTree, 3, "one pass"),
            (root, "ж", inTree, 6, "one pass"),
            (root, "ж", inTree, 8, null), (root, "냉장", sparse, 0, "one pass"), (root, "жж", [], 0, null),
            (child, "ж", inChild, 0, "counted"), (child, "ж", inChild, 2, "counted"), (otherRoot, "냉장", [], 0, null),
        };
        foreach (var (category, term, expected, offset, plan) in cases)
        {
            var url = $"/api/v1/products/search?category_id={category}&q={Uri.EscapeDataString(term)}&limit=2&offset={offset}";
            var (page, commands) = await counter.GetJsonAsync(client, url);
            var what = $"{url}: {string.Join(" | ", commands)}";
            Assert.True(expected.Count == page["total"]!.GetValue<long>(), what);
            Assert.Equal(expected.Skip(offset).Take(2), page["items"]!.AsArray().Select(item => item!.Id()));
            Assert.Contains("root_gram_counts", commands[0], StringComparison.Ordinal);
            switch (plan)
            {
                case null:
                    Assert.True(commands.Count == 1, what);
                    break;
                case "walk":
                    Assert.True(commands.Count == 2 && commands[1].Contains("ORDER BY category_root, id", StringComparison.Ordinal)
                        && commands[1].Contains($"category_root >= {root} AND category_root <= {root}", StringComparison.Ordinal), what);
                    walk ??= commands[1];
                    break;
                default:
                    Assert.True(commands.Count == 2 && commands[1].Contains("MATERIALIZED", StringComparison.Ordinal)
                        && commands[1].Contains("UNION ALL", StringComparison.Ordinal), what);
                    break;
            }
        }

        await using var database = new NpgsqlConnection(catalog.ConnectionString);
        await database.OpenAsync();

        // The walk asks the category's row again in its own snapshot: were the root moved after its total was read, the
        // walk answers nothing (and the search falls back, below) rather than a page of the old root's rows.
        Assert.Equal(inTree.Take(2), await ColumnAsync<long>(database, walk!, "ж", root));
        await ExecuteAsync(database, $"UPDATE categories SET product_paths_current = false WHERE id = {root}");
        Assert.Empty(await ColumnAsync<long>(database, walk!, "ж", root));
        await ExecuteAsync(database, $"UPDATE categories SET product_paths_current = true WHERE id = {root}");
        var rootUrl = $"/api/v1/products/search?category_id={root}&q=ж&limit=2";

        // While the root's products are being re-projected (its row says their paths are not current), the kept count
        // is not the tree's: the search counts the tree by the path.
        await ExecuteAsync(database, $"UPDATE categories SET product_paths_current = false WHERE id = {root}");
        var (bent, bentCommands) = await counter.GetJsonAsync(client, rootUrl);
        Assert.Equal(8, bent["total"]!.GetValue<long>());
        Assert.Equal(inTree.Take(2), bent["items"]!.AsArray().Select(item => item!.Id()));
        Assert.True(bentCommands.Count == 2 && bentCommands[1].Contains("UNION ALL", StringComparison.Ordinal), string.Join(" | ", bentCommands));
        await ExecuteAsync(database, $"UPDATE categories SET product_paths_current = true WHERE id = {root}");

        // A kept total the walk does not find (here a count no row holds; in production, a root moved under another
        // category between the two statements) is not answered: the search falls back to the one pass, which counts.
        await ExecuteAsync(database, $"INSERT INTO root_gram_counts VALUES ({root}, 'ы', 0, 1000)");
        var (unfound, unfoundCommands) = await counter.GetJsonAsync(client, $"/api/v1/products/search?category_id={root}&q=ы&limit=2");
        Assert.Equal(0, unfound["total"]!.GetValue<long>());
        Assert.Empty(unfound["items"]!.AsArray());
        Assert.True(unfoundCommands.Count == 3 && unfoundCommands[2].Contains("UNION ALL", StringComparison.Ordinal), string.Join(" | ", unfoundCommands));
    }
}
