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

    [Theory]
    [InlineData("200", "200.00")]
    [InlineData("\"1299.9\"", "1299.90")]
    [InlineData("\"1299.99\"", "1299.99")]
    [InlineData("1299.99", "1299.99")]
    [InlineData("0", "0.00")]
    [InlineData("\"0\"", "0.00")]
    [InlineData("0.5", "0.50")]
    [InlineData("\"007.50\"", "7.50")]
    [InlineData("9999999999.99", "9999999999.99")]
    [InlineData("\"9999999999.99\"", "9999999999.99")]
    [InlineData("0.1", "0.10")]
    [InlineData("0.05", "0.05")]
    [InlineData("\"0.01\"", "0.01")]
    [InlineData("5e-2", "0.05")]
    [InlineData("\"0.00\"", "0.00")]
    [InlineData("1.10", "1.10")]
    [InlineData("1e3", "1000.00")]
    [InlineData("125E-2", "1.25")]
    public async Task Valid_prices_are_stored_exactly_and_returned_with_two_decimals(string price, string expected)
    {
        var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With("price", price));

        response.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(expected, response.Json.Text("price"));
        Assert.Equal(expected, (await Client.ApiGetAsync(response.Location!)).Json.Text("price"));
    }

    [Theory]
    [InlineData("\"1e3\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"+1\"")]
    [InlineData("\"1,000\"")]
    [InlineData("\"1 000\"")]
    [InlineData("\" 1\"")]
    [InlineData("\"1 \"")]
    [InlineData("\"$1\"")]
    [InlineData("\"1 EUR\"")]
    [InlineData("\"1.999\"")]
    [InlineData("\"1,50\"")]
    [InlineData("\".5\"")]
    [InlineData("\"1.\"")]
    [InlineData("\"1.2.3\"")]
    [InlineData("\"0x10\"")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"\u0661\u0662\"")]
    [InlineData("\"\"")]
    [InlineData("1.999")]
    [InlineData("0.001")]
    [InlineData("1e-3")]
    [InlineData("-0.01")]
    [InlineData("-1")]
    [InlineData("10000000000")]
    [InlineData("\"10000000000\"")]
    [InlineData("10000000000.00")]
    [InlineData("9999999999.999")]
    [InlineData("1e11")]
    [InlineData("1e400")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("null")]
    public async Task Invalid_prices_are_422(string price)
    {
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With("price", price))).AssertInvalid("price");
    }

    [Fact]
    public async Task A_missing_price_is_422()
    {
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.Without("price"))).AssertInvalid("price");
    }

    [Theory]
    [InlineData("1.999")]
    [InlineData("\"-1\"")]
    [InlineData("10000000000")]
    public async Task An_invalid_price_in_a_patch_is_422_and_never_rounded_into_the_product(string price)
    {
        var product = await Client.CreateProductAsync(price: "2.00");

        (await Client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{product.Id()}", ProductJson.Patch("price", price))).AssertInvalid("price");

        Assert.Equal("2.00", (await Client.ApiGetAsync($"/api/v1/products/{product.Id()}")).Json.Text("price"));
    }
}
