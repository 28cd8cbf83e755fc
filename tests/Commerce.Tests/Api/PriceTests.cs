using System.Net;

namespace Commerce.Tests.Api;

/// <summary>
/// Prices: a JSON number or a string of plain digits with an optional fraction; exact; 0 to 9999999999.99;
/// at most two decimals, never rounded; returned as a string with exactly two decimals.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class PriceTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    // Every accepted and refused form is a unit test of the rule (Rules/PriceRulesTests); these show the wire end to end.
    [Theory]
    [InlineData("200", "200.00")]
    [InlineData("\"1299.9\"", "1299.90")]
    [InlineData("5e-2", "0.05")]
    public async Task Valid_prices_are_stored_exactly_and_returned_with_two_decimals(string price, string expected)
    {
        var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With("price", price));

        response.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(expected, response.Json.Text("price"));
        Assert.Equal(expected, (await Client.ApiGetAsync(response.Location!)).Json.Text("price"));
    }

    [Theory]
    [InlineData("\"1,000\"", "must be a decimal number such as 1299.99 (digits, optional fraction).")]
    [InlineData("1.999", "must have at most 2 decimal places.")]
    [InlineData("10000000000", "must be between 0 and 9999999999.99.")]
    [InlineData("true", "must be a number or a string of digits such as \"1299.99\", not a boolean.")]
    public async Task Invalid_prices_are_422(string price, string message)
    {
        var problem = (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With("price", price)))
            .AssertProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([message], problem["errors"]!["price"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task A_missing_price_is_422()
    {
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.Without("price"))).AssertInvalid("price");
    }

    [Fact]
    public async Task An_invalid_price_in_a_patch_is_422_and_never_rounded_into_the_product()
    {
        var product = await Client.CreateProductAsync(price: "2.00");

        (await Client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{product.Id()}", ProductJson.Patch("price", "1.999"))).AssertInvalid("price");

        Assert.Equal("2.00", (await Client.ApiGetAsync($"/api/v1/products/{product.Id()}")).Json.Text("price"));
    }
}
