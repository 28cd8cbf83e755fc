using System.Net;

namespace Commerce.Tests.Api;

/// <summary>
/// A refused query parameter says what is wrong with it (not a number, too large, out of its range), and price
/// bounds follow the same rule as a price in a body: at most two decimal places, compared by value.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class QueryParameterMessageTests(CatalogApiFixture api)
{
    // Every message row by row is a unit test (Rules/PageParametersTests, CategoryListParametersTests,
    // ProductSearchParametersTests); these show one per endpoint as the client reads it.
    [Theory]
    [InlineData("/api/v1/products?limit=0", "limit", "must be from 1 to 100.")]
    [InlineData("/api/v1/categories?parent_id=99999999999999999999", "parent_id", "is too large; at most 9223372036854775807.")]
    [InlineData("/api/v1/products/search?min_price=1.005", "min_price", "must have at most 2 decimal places.")]
    public async Task A_refused_parameter_says_what_is_wrong(string url, string parameter, string message)
    {
        var problem = (await api.Client.ApiGetAsync(url)).AssertProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([message], problem["errors"]![parameter]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task Price_bounds_are_compared_by_value_like_body_prices()
    {
        var token = Unique.Token();
        var product = await api.Client.CreateProductAsync(title: "Bounded " + token, price: "1.50");

        var page = await api.Client.ApiGetAsync($"/api/v1/products/search?q={token}&min_price=1.500&max_price=1.50");

        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(product.Id(), Assert.Single(page.Json["items"]!.AsArray())!.Id());
    }
}
