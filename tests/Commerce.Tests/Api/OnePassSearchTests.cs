using System.Net;
using System.Text.Json.Nodes;
using Commerce.Tests.Orders;

namespace Commerce.Tests.Api;

/// <summary>
/// Searches by text or category read their page and exact total in one SQL statement (docs/PERFORMANCE.md, issue
/// #13): every page, the last one and one past the end carry the right items and the exact total. Price-only
/// searches keep page-then-count (two statements unless the page proves the total); category-only totals come from
/// the maintained counts, read before the page.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class OnePassSearchTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task Text_and_category_searches_page_and_count_in_one_statement_on_every_page()
    {
        var token = "onepass" + Unique.Token();
        var category = await Client.CreateCategoryAsync("One pass " + Unique.Token());
        var inCategory = new List<long>();
        var all = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var id = (await Client.CreateProductAsync($"{token} item {i}", categoryId: i % 2 == 0 ? category : null)).Id();
            all.Add(id);
            if (i % 2 == 0)
            {
                inCategory.Add(id);
            }
        }

        using var counter = new SqlCommandCounter();
        foreach (var (query, expected) in new[] { ($"q={token}", all), ($"q={token}&category_id={category}", inCategory) })
        {
            foreach (var offset in new[] { 0, 2, 4, expected.Count, 100 })
            {
                var (response, commands) = await counter.GetAsync(Client, $"/api/v1/products/search?{query}&limit=2&offset={offset}");
                var page = await ReadAsync(response);
                Assert.Equal(expected.Count, page["total"]!.GetValue<long>());
                Assert.Equal(expected.Skip(offset).Take(2), page["items"]!.AsArray().Select(item => item!.Id()));
                Assert.Single(commands);
            }
        }
    }

    [Fact]
    public async Task Price_only_searches_read_page_and_kept_total_in_one_batch_and_category_only_searches_the_kept_total_then_the_page()
    {
        var category = await Client.CreateCategoryAsync("Counted " + Unique.Token());
        await Client.CreateProductAsync(categoryId: category);
        await Client.CreateProductAsync(categoryId: category);

        using var counter = new SqlCommandCounter();
        var (priced, pricedCommands) = await counter.GetAsync(Client, "/api/v1/products/search?min_price=0&limit=1");
        var (inCategory, categoryCommands) = await counter.GetAsync(Client, $"/api/v1/products/search?category_id={category}&limit=1");

        Assert.True((await ReadAsync(priced))["total"]!.GetValue<long>() >= 2);
        // The process's first search with a price also reads the band counts (PriceBands), once.
        var batch = Assert.Single(pricedCommands, sql => !SqlCommandCounter.ReadsPriceBands(sql));
        Assert.Contains("ORDER BY id LIMIT 1 OFFSET 0", batch, StringComparison.Ordinal);
        Assert.Contains("price_counts", batch, StringComparison.Ordinal);
        Assert.Equal(2, (await ReadAsync(inCategory))["total"]!.GetValue<long>());
        Assert.Equal(2, categoryCommands.Count);
        Assert.Contains("product_counts", categoryCommands[0], StringComparison.Ordinal);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
