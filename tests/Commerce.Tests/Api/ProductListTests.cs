using System.Net;
using System.Text.Json.Nodes;

namespace Commerce.Tests.Api;

/// <summary><c>GET /api/v1/products</c>: the paging envelope, ordered by id, with limit 1–100 (default 20) and offset ≥ 0.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class ProductListTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task Paging_through_the_list_sees_every_product_once_in_id_order()
    {
        var mine = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add((await Client.CreateProductAsync()).Id());
        }

        var seen = new List<long>();
        long total = -1;
        for (var offset = 0L; total < 0 || offset < total; offset += 100)
        {
            var page = await Client.ApiGetAsync($"/api/v1/products?limit=100&offset={offset}");
            page.AssertStatus(HttpStatusCode.OK);
            var json = page.Json.AsObject();
            Assert.Equal(["items", "limit", "offset", "total"], json.Select(p => p.Key).Order());
            Assert.Equal(100, json["limit"]!.GetValue<int>());
            Assert.Equal(offset, json["offset"]!.GetValue<long>());
            Assert.True(total < 0 || total == json["total"]!.GetValue<long>(), "the total changed between pages");
            total = json["total"]!.GetValue<long>();
            var items = json["items"]!.AsArray();
            Assert.Equal(Math.Min(100, total - offset), items.Count);
            // The nine product fields, plus stock and available (API.md "Stock").
            Assert.All(items, item => Assert.Equal(11, item!.AsObject().Count));
            seen.AddRange(items.Select(item => item!.Id()));
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), mine.ToHashSet());
    }

    [Fact]
    public async Task The_default_page_is_the_first_20()
    {
        var total = (await Client.ApiGetAsync("/api/v1/products?limit=1")).Json["total"]!.GetValue<long>();
        for (var i = total; i < 21; i++)
        {
            await Client.CreateProductAsync();
        }

        var page = (await Client.ApiGetAsync("/api/v1/products")).Json;
        Assert.Equal(20, page["limit"]!.GetValue<int>());
        Assert.Equal(0, page["offset"]!.GetValue<long>());
        Assert.Equal(20, page["items"]!.AsArray().Count);
        var first = (await Client.ApiGetAsync("/api/v1/products?limit=20&offset=0")).Json["items"]!;
        Assert.True(JsonNode.DeepEquals(first, page["items"]));
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_with_the_exact_total()
    {
        await Client.CreateProductAsync();
        var total = (await Client.ApiGetAsync("/api/v1/products?limit=1")).Json["total"]!.GetValue<long>();

        foreach (var offset in new[] { total, total + 50, long.MaxValue })
        {
            var page = await Client.ApiGetAsync($"/api/v1/products?offset={offset}&limit=100");
            page.AssertStatus(HttpStatusCode.OK);
            Assert.Empty(page.Json["items"]!.AsArray());
            Assert.Equal(total, page.Json["total"]!.GetValue<long>());
            Assert.Equal(offset, page.Json["offset"]!.GetValue<long>());
        }
    }

    // Every accepted and refused parameter is a unit test (Rules/PageParametersTests); these show them end to end.
    [Theory]
    [InlineData("limit=1")]
    [InlineData("limit=100")]
    public async Task Bounds_of_limit_and_offset_are_accepted(string query)
    {
        (await Client.ApiGetAsync("/api/v1/products?" + query)).AssertStatus(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=1&limit=2", "limit")]
    [InlineData("offset=abc", "offset")]
    public async Task Bad_paging_parameters_are_422(string query, string field)
    {
        (await Client.ApiGetAsync("/api/v1/products?" + query)).AssertInvalid(field);
    }
}
