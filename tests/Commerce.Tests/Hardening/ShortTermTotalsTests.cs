using System.Net;
using System.Text.Json.Nodes;
using Commerce.Tests.Api;
using Commerce.Tests.Orders;

namespace Commerce.Tests.Hardening;

/// <summary>
/// A one- or two-character term searched alone takes its total from the maintained gram counts (sql/014), a category
/// alone from the category counts (sql/012), and either picks its page's plan by that total (KnownTotalPage): a walk
/// of the primary key when matches are dense, page and total in one pass when they are sparse or the page is deep.
/// Every page is the contract's answer on both plans. A one-character term with a price filter asks its kept total
/// whether a walk can pay off. A catalog of its own, because the plan depends on its size.
/// </summary>
public sealed class ShortTermTotalsTests
{
    [Fact]
    public async Task Short_terms_and_categories_alone_read_the_kept_total_then_walk_dense_matches_and_collect_sparse_ones()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var client = catalog.Client;
        // 20 products: 12 hold 'ж' (dense) and are in the category, 2 of those also '냉장' (sparse), 8 neither.
        var category = await client.CreateCategoryAsync("Жуки");
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
            var id = (await client.CreateProductAsync(title, categoryId: i < 12 ? category : null)).Id();
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
        // (query, expected ids, offset, the page's plan): with 20 products, 12 matches and limit 2 a walk reads about
        // (offset + 2) × 20 / 12 rows, cheaper than half the matches up to offset 1; 2 matches are never walked.
        var cases = new (string Query, List<long> Expected, int Offset, string? Plan)[]
        {
            ("q=ж", dense, 0, "walk"), ("q=Ж", dense, 1, "walk"), ("q=ж", dense, 2, "one pass"), ("q=ж", dense, 10, "one pass"),
            ("q=ж", dense, 12, null), ("q=ж", dense, 100, null),
            ("q=냉장", sparse, 0, "one pass"), ("q=냉장", sparse, 1, "one pass"), ("q=냉장", sparse, 2, null),
            ("q=жж", [], 0, null),
            ($"category_id={category}", dense, 0, "walk"), ($"category_id={category}", dense, 2, "one pass"),
            ($"category_id={category}", dense, 12, null),
            // A one-character term with a price: the term's kept total says whether to walk (then count) or collect.
            ("q=ж&max_price=100", dense, 0, "walk then count"), ("q=냉&max_price=100", sparse, 0, "one pass"),
        };
        foreach (var (query, expected, offset, plan) in cases)
        {
            var (response, commands) = await counter.GetAsync(client, $"/api/v1/products/search?{query}&limit=2&offset={offset}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var what = $"{query} at {offset}: {string.Join(" | ", commands)}";
            Assert.True(expected.Count == page["total"]!.GetValue<long>(), what);
            Assert.Equal(expected.Skip(offset).Take(2), page["items"]!.AsArray().Select(item => item!.Id()));
            // A price beside the term is first sized from the price bands (PriceFilter), then the term's total is read.
            var first = query.Contains("price", StringComparison.Ordinal) ? 1 : 0;
            Assert.True(first == 0 || commands[0].Contains("price_counts", StringComparison.Ordinal), what);
            Assert.Contains(query.StartsWith("q=", StringComparison.Ordinal) ? "gram_counts" : "product_counts", commands[first], StringComparison.Ordinal);
            switch (plan)
            {
                case null:
                    Assert.True(commands.Count == first + 1, what);
                    break;
                case "walk":
                    Assert.True(commands.Count == first + 2 && !commands[first + 1].Contains("MATERIALIZED", StringComparison.Ordinal), what);
                    break;
                case "walk then count":
                    Assert.True(commands.Count == first + 3 && !commands[first + 1].Contains("MATERIALIZED", StringComparison.Ordinal)
                        && commands[first + 2].Contains("count(*)", StringComparison.Ordinal), what);
                    break;
                default:
                    Assert.True(commands.Count == first + 2 && commands[first + 1].Contains("MATERIALIZED", StringComparison.Ordinal), what);
                    break;
            }
        }
    }
}
