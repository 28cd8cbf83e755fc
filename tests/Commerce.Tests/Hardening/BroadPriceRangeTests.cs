using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Commerce.Tests.Api;
using Commerce.Tests.Orders;

namespace Commerce.Tests.Hardening;

/// <summary>
/// A price range beside a text or category filter is tested on the rows the other filter finds when it holds more than
/// 1/32 of the catalog by the price band counts the process holds (so the planner cannot AND the price index's bitmap
/// of half the catalog in), and by the price index when narrower (docs/PERFORMANCE.md, issue #13). Either way the
/// inclusive bounds, the page and the exact total are the same. A word without a category is found in its copy
/// (sql/024), where nothing indexes the price: its range is tested on the word's matches whatever its breadth. A
/// catalog of its own: 64 products priced 1.00 … 64.00, so the share of each range is known.
/// </summary>
public sealed class BroadPriceRangeTests
{
    private sealed record Item(long Id, int Price, bool Lamp, bool InCategory);

    [Fact]
    public async Task Broad_ranges_beside_text_or_category_are_tested_on_the_rows_and_narrow_ones_by_the_index_with_the_same_answers()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var client = catalog.Client;
        var category = await client.CreateCategoryAsync("Lighting");
        var items = new List<Item>();
        for (var price = 1; price <= 64; price++)
        {
            var lamp = price % 2 == 0;
            var inCategory = price % 3 == 0;
            var created = await client.CreateProductAsync(
                lamp ? $"Brass lamp {price}" : $"Oak table {price}",
                price.ToString("0.00", CultureInfo.InvariantCulture),
                inCategory ? category : null,
                sku: $"SKU-{price}");
            items.Add(new Item(created.Id(), price, lamp, inCategory));
        }

        var filters = new (string Query, Func<Item, bool> Matches, bool OnCopy)[]
        {
            ("q=lamp", item => item.Lamp, true),
            ("q=p", item => item.Lamp, false),
            ($"category_id={category}", item => item.InCategory, false),
            ($"q=lamp&category_id={category}", item => item.Lamp && item.InCategory, false),
        };
        // 2 of 64 products is under 1/32 of the catalog (narrow); 31 and 40 are over it (broad).
        var ranges = new (int? Min, int? Max, bool Broad)[] { (10, 11, false), (10, 40, true), (25, null, true), (null, 40, true) };

        using var counter = new SqlCommandCounter();
        foreach (var (query, matches, onCopy) in filters)
        {
            foreach (var (min, max, broad) in ranges)
            {
                foreach (var offset in new[] { 0, 3 })
                {
                    var bounds = (min is null ? "" : $"&min_price={min}.00") + (max is null ? "" : $"&max_price={max}.00");
                    var url = $"/api/v1/products/search?{query}{bounds}&limit=2&offset={offset}";
                    var (response, commands) = await counter.GetAsync(client, url);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                    var expected = items.Where(item => matches(item) && (min is null || item.Price >= min) && (max is null || item.Price <= max))
                        .Select(item => item.Id).Order().ToList();

                    Assert.True(expected.Count == page["total"]!.GetValue<long>(), $"{url}: total {page["total"]}, expected {expected.Count}");
                    Assert.Equal(expected.Skip(offset).Take(2), page["items"]!.AsArray().Select(item => item!.Id()));
                    if (onCopy)
                    {
                        Assert.DoesNotContain(commands, sql => sql.Contains("price_counts", StringComparison.Ordinal));
                        var copy = Assert.Single(commands, sql => sql.Contains("FROM product_texts WHERE search_text LIKE $1 AND price", StringComparison.Ordinal));
                        Assert.False(TestsPriceOnRows(copy), copy);
                        continue;
                    }

                    // The share comes from the band counts the process holds (PriceBands), not from a statement per search.
                    Assert.DoesNotContain(commands, sql => sql.Contains("price_band(", StringComparison.Ordinal));
                    var searches = commands.Where(sql => sql.Contains("FROM products", StringComparison.Ordinal) && !sql.Contains("price_band", StringComparison.Ordinal)).ToList();
                    Assert.NotEmpty(searches);
                    // A category with a price range also has a branch for a root category (RootSubtreeSearchTests):
                    // its b-tree holds the price, so that branch always takes the index; the rule holds for the other.
                    Assert.All(searches.Select(OutsideRootBranch), sql => Assert.True(
                        TestsPriceOnRows(sql) == broad && TestsPriceByIndex(sql) == !broad, $"{url} ({(broad ? "broad" : "narrow")}): {sql}"));
                }
            }
        }

        // A range alone keeps the price index however broad: there is no other filter to find the rows.
        var (alone, aloneCommands) = await counter.GetAsync(client, "/api/v1/products/search?min_price=10.00&max_price=40.00&limit=2&offset=3");
        Assert.Equal(31, JsonNode.Parse(await alone.Content.ReadAsStringAsync())!["total"]!.GetValue<long>());
        Assert.DoesNotContain(aloneCommands, TestsPriceOnRows);
        Assert.Contains(aloneCommands, TestsPriceByIndex);
    }

    private static string OutsideRootBranch(string sql) =>
        sql.Contains("category_root = $", StringComparison.Ordinal) ? sql[sql.IndexOf("UNION ALL", StringComparison.Ordinal)..] : sql;

    private static bool TestsPriceOnRows(string sql) =>
        sql.Contains("price + 0 >= $", StringComparison.Ordinal) || sql.Contains("price + 0 <= $", StringComparison.Ordinal);

    private static bool TestsPriceByIndex(string sql) =>
        sql.Contains("price >= $", StringComparison.Ordinal) || sql.Contains("price <= $", StringComparison.Ordinal);
}
