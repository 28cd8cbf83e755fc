using System.Net;
using System.Text.Json.Nodes;
using Commerce.Tests.Api;
using Commerce.Tests.Orders;

namespace Commerce.Tests.Hardening;

/// <summary>
/// A one- or two-character term searched alone takes its total from the maintained gram counts (sql/014) and picks
/// its page's plan by that total (ShortTermPage): a walk of the primary key when matches are dense, page and total
/// in one pass when they are sparse or the page is deep. Every page is the contract's answer on both plans. A
/// catalog of its own, because the plan depends on the catalog's size.
/// </summary>
public sealed class ShortTermTotalsTests
{
    [Fact]
    public async Task Short_terms_alone_read_the_total_then_walk_dense_matches_and_collect_sparse_ones()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var client = catalog.Client;
        // 20 products: 12 hold 'ж' (dense), 2 of those also '냉장' (sparse), 8 neither.
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
            var id = (await client.CreateProductAsync(title)).Id();
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
        // (term, expected ids, offset, the page's plan): with 20 products, 12 matches and limit 2 a walk reads about
        // (offset + 2) × 20 / 12 rows, cheaper than half the matches up to offset 1; 2 matches are never walked.
        var cases = new (string Term, List<long> Expected, int Offset, string? Plan)[]
        {
            ("ж", dense, 0, "walk"), ("Ж", dense, 1, "walk"), ("ж", dense, 2, "one pass"), ("ж", dense, 10, "one pass"),
            ("ж", dense, 12, null), ("ж", dense, 100, null),
            ("냉장", sparse, 0, "one pass"), ("냉장", sparse, 1, "one pass"), ("냉장", sparse, 2, null),
            ("жж", [], 0, null),
        };
        foreach (var (term, expected, offset, plan) in cases)
        {
            var (response, commands) = await counter.GetAsync(client, $"/api/v1/products/search?q={Uri.EscapeDataString(term)}&limit=2&offset={offset}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var what = $"{term} at {offset}: {string.Join(" | ", commands)}";
            Assert.True(expected.Count == page["total"]!.GetValue<long>(), what);
            Assert.Equal(expected.Skip(offset).Take(2), page["items"]!.AsArray().Select(item => item!.Id()));
            Assert.Contains("gram_counts", commands[0], StringComparison.Ordinal);
            switch (plan)
            {
                case null:
                    Assert.True(commands.Count == 1, what);
                    break;
                case "walk":
                    Assert.True(commands.Count == 2 && !commands[1].Contains("MATERIALIZED", StringComparison.Ordinal), what);
                    break;
                default:
                    Assert.True(commands.Count == 2 && commands[1].Contains("MATERIALIZED", StringComparison.Ordinal), what);
                    break;
            }
        }
    }
}
