using System.Net;

namespace Commerce.Tests.Api;

/// <summary>A body that gives a field twice says two things at once, so it is 422 naming the field, not last-one-wins.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class DuplicateFieldTests(CatalogApiFixture api)
{
    // Escaped, nested and other repeated fields are unit tests of the reader (Rules/JsonBodyReaderTests).
    [Fact]
    public async Task Creating_a_category_with_a_field_twice_is_422()
    {
        var response = await api.Client.SendAsync(HttpMethod.Post, "/api/v1/categories", """{"name": "a", "name": "b"}""");

        response.AssertInvalid("name");
        Assert.Equal(["is given more than once."], response.Json["errors"]!["name"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task Changing_a_product_with_a_field_twice_is_422_and_changes_nothing()
    {
        var product = await api.Client.CreateProductAsync(price: "10.00");
        var url = $"/api/v1/products/{product.Id()}";

        (await api.Client.SendAsync(HttpMethod.Patch, url, """{"price": "11.00", "price": "12.00"}""")).AssertInvalid("price");

        Assert.Equal("10.00", (await api.Client.ApiGetAsync(url)).Json.Text("price"));
    }
}
