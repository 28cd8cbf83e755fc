using System.Net;
using System.Text.Json.Nodes;

namespace Commerce.Tests.Api;

/// <summary>Search semantics of API.md. Every test scopes its search to data it made (a unique token or category).</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class SearchTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task Category_filter_includes_descendants_and_excludes_siblings()
    {
        var root = await Client.CreateCategoryAsync("Root " + Unique.Token());
        var child = await Client.CreateCategoryAsync("Child", root);
        var grandchild = await Client.CreateCategoryAsync("Grandchild", child);
        var sibling = await Client.CreateCategoryAsync("Sibling", root);
        var inChild = await Client.CreateProductAsync(categoryId: child);
        var inGrandchild = await Client.CreateProductAsync(categoryId: grandchild);
        var inSibling = await Client.CreateProductAsync(categoryId: sibling);

        var underChild = await SearchIdsAsync($"category_id={child}");
        Assert.Equal([Id(inChild), Id(inGrandchild)], underChild);
        var underRoot = await SearchIdsAsync($"category_id={root}");
        Assert.Equal([Id(inChild), Id(inGrandchild), Id(inSibling)], underRoot);
    }

    [Fact]
    public async Task Unknown_category_matches_nothing()
    {
        var response = await Client.ApiGetAsync("/api/v1/products/search?category_id=987654321987");
        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(0, response.Json["total"]!.GetValue<long>());
        Assert.Empty(response.Json["items"]!.AsArray());
    }

    [Fact]
    public async Task Price_bounds_are_inclusive_and_combine_with_text()
    {
        var token = Unique.Token();
        var cheap = await Client.CreateProductAsync($"Lamp {token}", "9.99");
        var low = await Client.CreateProductAsync($"Lamp {token}", "10.00");
        var high = await Client.CreateProductAsync($"Lamp {token}", "20.00");
        await Client.CreateProductAsync($"Lamp {token}", "20.01");

        Assert.Equal([Id(low), Id(high)], await SearchIdsAsync($"q={token}&min_price=10&max_price=20.00"));
        Assert.Equal([Id(cheap), Id(low)], await SearchIdsAsync($"q={token}&max_price=10"));
    }

    [Fact]
    public async Task Percent_underscore_and_backslash_are_literal()
    {
        var token = Unique.Token();
        var percent = await Client.CreateProductAsync($"{token}%x");
        var underscore = await Client.CreateProductAsync($"{token}_x");
        var backslash = await Client.CreateProductAsync($@"{token}\x");
        var plain = await Client.CreateProductAsync($"{token}ax");

        Assert.Equal([Id(percent)], await SearchIdsAsync($"q={Uri.EscapeDataString(token + "%")}"));
        Assert.Equal([Id(underscore)], await SearchIdsAsync($"q={Uri.EscapeDataString(token + "_")}"));
        Assert.Equal([Id(backslash)], await SearchIdsAsync($"q={Uri.EscapeDataString(token + @"\")}"));
        Assert.Equal([Id(percent), Id(underscore), Id(backslash), Id(plain)], await SearchIdsAsync($"q={token}"));
    }

    [Fact]
    public async Task Matching_is_case_insensitive_in_any_script_and_covers_partial_skus()
    {
        var token = Unique.Token();
        var cyrillic = await Client.CreateProductAsync($"Смартфон ПРИВЕТ {token}");
        var greek = await Client.CreateProductAsync($"ΟΔΥΣΣΕΑΣ {token}");
        var cjk = await Client.CreateProductAsync($"智能手机 {token}");
        var sku = "SKU-" + token.ToUpperInvariant() + "-XL";
        var bySku = await Client.CreateProductAsync("Plain title", sku: sku);

        Assert.Equal([Id(cyrillic)], await SearchIdsAsync($"q={Uri.EscapeDataString("смартфон привет")}", token));
        Assert.Equal([Id(greek)], await SearchIdsAsync($"q={Uri.EscapeDataString("οδυσσεας")}", token));
        Assert.Equal([Id(cjk)], await SearchIdsAsync($"q={Uri.EscapeDataString("手机")}", token));
        Assert.Equal([Id(bySku)], await SearchIdsAsync($"q={Uri.EscapeDataString(token.ToLowerInvariant() + "-x")}"));
    }

    [Fact]
    public async Task Pages_are_ordered_by_id_and_totals_are_exact_even_past_the_end()
    {
        var token = Unique.Token();
        var created = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            created.Add(Id(await Client.CreateProductAsync($"Paged {token} {i}")));
        }

        var seen = new List<long>();
        for (var offset = 0; offset < 9; offset += 3)
        {
            var page = (await Client.ApiGetAsync($"/api/v1/products/search?q={token}&limit=3&offset={offset}")).Json;
            Assert.Equal(7, page["total"]!.GetValue<long>());
            Assert.Equal(3, page["limit"]!.GetValue<int>());
            Assert.Equal(offset, page["offset"]!.GetValue<long>());
            seen.AddRange(page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<long>()));
        }

        Assert.Equal(created.Order(), seen);
        var past = (await Client.ApiGetAsync($"/api/v1/products/search?q={token}&offset=100")).Json;
        Assert.Equal(7, past["total"]!.GetValue<long>());
        Assert.Empty(past["items"]!.AsArray());

        // Around the end, where a short last page gives the total without counting and a full or empty one does not.
        foreach (var (query, items) in new[] { ("limit=7", 7), ("limit=8", 7), ("limit=6&offset=1", 6), ("limit=3&offset=7", 0), ("limit=5&offset=6", 1) })
        {
            var page = (await Client.ApiGetAsync($"/api/v1/products/search?q={token}&{query}")).Json;
            Assert.Equal(7, page["total"]!.GetValue<long>());
            Assert.Equal(items, page["items"]!.AsArray().Count);
        }

        var none = (await Client.ApiGetAsync($"/api/v1/products/search?q={token}-none")).Json;
        Assert.Equal(0, none["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_write_that_answered_is_visible_to_the_next_search_list_and_get()
    {
        var token = Unique.Token();
        var product = await Client.CreateProductAsync($"Fresh {token}");
        var id = Id(product);
        Assert.Equal([id], await SearchIdsAsync($"q={token}"));

        (await Client.ApiPatchAsync($"/api/v1/products/{id}", new { title = $"Renamed {token}", price = "5.00" })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal([id], await SearchIdsAsync($"q=renamed+{token}&max_price=5"));
        Assert.Equal($"Renamed {token}", (await Client.ApiGetAsync($"/api/v1/products/{id}")).Json["title"]!.GetValue<string>());

        (await Client.ApiDeleteAsync($"/api/v1/products/{id}")).AssertStatus(HttpStatusCode.NoContent);
        Assert.Empty(await SearchIdsAsync($"q={token}"));
        (await Client.ApiGetAsync($"/api/v1/products/{id}")).AssertProblem(HttpStatusCode.NotFound);
    }

    // Every refused parameter is a unit test (Rules/ProductSearchParametersTests); these show the 422 end to end.
    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("max_price=1e3", "max_price")]
    [InlineData("min_price=10&max_price=5", "min_price")]
    public async Task Bad_parameters_are_422(string query, string field)
    {
        (await Client.ApiGetAsync("/api/v1/products/search?" + query)).AssertInvalid(field);
    }

    [Fact]
    public async Task Query_longer_than_255_characters_is_422()
    {
        (await Client.ApiGetAsync("/api/v1/products/search?q=" + new string('x', 256))).AssertInvalid("q");
        (await Client.ApiGetAsync("/api/v1/products/search?q=" + string.Concat(Enumerable.Repeat("%F0%9F%98%80", 255)))).AssertStatus(HttpStatusCode.OK);
    }

    private static long Id(JsonNode product) => product["id"]!.GetValue<long>();

    /// <summary>Ids of every match of the query, optionally narrowed to products whose title has <paramref name="token"/>.</summary>
    private async Task<List<long>> SearchIdsAsync(string query, string? token = null)
    {
        var response = await Client.ApiGetAsync("/api/v1/products/search?limit=100&" + query);
        response.AssertStatus(HttpStatusCode.OK);
        var items = response.Json["items"]!.AsArray();
        if (token is null)
        {
            Assert.Equal(items.Count, response.Json["total"]!.GetValue<long>());
        }

        return [.. items
            .Where(item => token is null || item!["title"]!.GetValue<string>().Contains(token, StringComparison.Ordinal)
                || item!["sku"]!.GetValue<string>().Contains(token, StringComparison.OrdinalIgnoreCase))
            .Select(item => item!["id"]!.GetValue<long>())];
    }
}
