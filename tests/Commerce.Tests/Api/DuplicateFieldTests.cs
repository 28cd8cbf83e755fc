using System.Net;

namespace Commerce.Tests.Api;

/// <summary>A body that gives a field twice says two things at once, so it is 422 naming the field, not last-one-wins.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class DuplicateFieldTests(CatalogApiFixture api)
{
    [Theory]
    [InlineData("""{"name": "a", "name": "b"}""", "name")]
    [InlineData("""{"name": "a", "na\u006de": "b"}""", "name")]
    [InlineData("""{"name": "a", "parent_id": null, "parent_id": 1}""", "parent_id")]
    [InlineData("""{"name": "a", "extra": {"x": 1, "x": 2}}""", "extra.x")]
    public async Task Creating_a_category_with_a_field_twice_is_422(string body, string field)
    {
        var response = await api.Client.SendAsync(HttpMethod.Post, "/api/v1/categories", body);

        response.AssertInvalid(field);
        Assert.Equal(["is given more than once."], response.Json["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()));
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
