using System.Net;

namespace Commerce.Tests.Api;

/// <summary>Search rules that SearchTests leaves out: how <c>q</c> is cleaned, an empty <c>q</c>, and filters combined.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class SearchQueryTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task Q_is_trimmed_and_nfc_normalised_before_it_matches()
    {
        var token = Unique.Token();
        var product = await Client.CreateProductAsync($"Caf\u00e9 {token}");

        Assert.Equal([product.Id()], await SearchIdsAsync("q=" + Uri.EscapeDataString($"  \tCAFE\u0301 {token}  ")));
    }

    [Theory]
    [InlineData("q=")]
    [InlineData("q=%20%20%20")]
    public async Task An_empty_q_filters_nothing(string query)
    {
        await Client.CreateProductAsync();
        var all = (await Client.ApiGetAsync("/api/v1/products?limit=1")).Json["total"]!.GetValue<long>();

        var response = await Client.ApiGetAsync("/api/v1/products/search?limit=1&" + query);

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(all, response.Json["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Text_category_and_price_filters_combine_with_and()
    {
        var token = Unique.Token();
        var category = await Client.CreateCategoryAsync("Combined " + token);
        var match = await Client.CreateProductAsync($"Chair {token}", "10.00", category);
        await Client.CreateProductAsync($"Chair {token}", "10.00");
        await Client.CreateProductAsync($"Chair {token}", "10.01", category);
        await Client.CreateProductAsync($"Table {token}", "10.00", category);

        var ids = await SearchIdsAsync($"q=chair+{token}&category_id={category}&min_price=10&max_price=10.00");

        Assert.Equal([match.Id()], ids);
    }

    [Fact]
    public async Task Items_are_whole_products_in_the_paging_envelope()
    {
        var token = Unique.Token();
        var product = await Client.CreateProductAsync($"Shape {token}", "12.5");

        var page = (await Client.ApiGetAsync($"/api/v1/products/search?q={token}")).Json.AsObject();

        Assert.Equal(["items", "limit", "offset", "total"], page.Select(p => p.Key).Order());
        Assert.Equal(20, page["limit"]!.GetValue<int>());
        Assert.Equal(0, page["offset"]!.GetValue<long>());
        var item = Assert.Single(page["items"]!.AsArray())!;
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(product, item), item.ToJsonString());
        Assert.Equal("12.50", item.Text("price"));
    }

    // Every malformed parameter is a unit test (Rules/ProductSearchParametersTests); these show the 422 end to end.
    [Theory]
    [InlineData("q=a%00b")]
    [InlineData("max_price=%2B1")]
    public async Task Malformed_search_parameters_are_422(string query)
    {
        (await Client.ApiGetAsync("/api/v1/products/search?" + query)).AssertProblem(HttpStatusCode.UnprocessableEntity);
    }

    private async Task<List<long>> SearchIdsAsync(string query)
    {
        var response = await Client.ApiGetAsync("/api/v1/products/search?limit=100&" + query);
        response.AssertStatus(HttpStatusCode.OK);
        return [.. response.Json["items"]!.AsArray().Select(item => item!.Id())];
    }
}
