using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Commerce.Tests.Api;

/// <summary>Missing fields, blank fields and wrong JSON types are 422 naming the field; unknown fields are ignored.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class ProductValidationTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    // Each required field, each blank and each wrong JSON type is a unit test (Rules/ProductRulesTests, ProductRequestsTests);
    // these show the 422 end to end, and that a refused change leaves the product as it was.
    [Fact]
    public async Task A_missing_required_field_is_422()
    {
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.Without("title"))).AssertInvalid("title");
    }

    [Theory]
    [InlineData("description", "null", "is required.")]
    [InlineData("title", "\"\\u3000\\u00a0\"", "must not be blank.")]
    public async Task A_null_or_blank_required_field_is_422(string field, string value, string message)
    {
        var problem = (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With(field, value)))
            .AssertProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([message], problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Theory]
    [InlineData("title", "42")]
    [InlineData("price", "{\"amount\": 1}")]
    [InlineData("category_id", "99999999999999999999")]
    public async Task A_wrong_json_type_is_422_on_create_and_on_patch(string field, string value)
    {
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With(field, value))).AssertInvalid(field);

        var product = await Client.CreateProductAsync();
        var before = await Client.ApiGetAsync($"/api/v1/products/{product.Id()}");
        (await Client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{product.Id()}", ProductJson.Patch(field, value))).AssertInvalid(field);
        Assert.Equal(before.Body, (await Client.ApiGetAsync($"/api/v1/products/{product.Id()}")).Body);
    }

    [Fact]
    public async Task Unknown_fields_are_ignored_including_ones_that_name_server_fields()
    {
        var body = ProductJson.Valid();
        body["id"] = 4242424242;
        body["created_at"] = "2000-01-01T00:00:00Z";
        body["colour"] = "red";
        body["Title"] = 42;
        body["extra"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null) };

        var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/products", body.ToJsonString());

        response.AssertStatus(HttpStatusCode.Created);
        var product = response.Json.AsObject();
        Assert.NotEqual(4242424242, product.Id());
        Assert.False(product.ContainsKey("colour"));
        Assert.Equal(body["title"]!.GetValue<string>(), product.Text("title"));
        Assert.True(DateTimeOffset.Parse(product.Text("created_at"), CultureInfo.InvariantCulture).Year > 2000);

        var patched = await Client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{product.Id()}", """{"colour": "blue", "id": 1}""");
        patched.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(response.ETag, patched.ETag);
        Assert.Equal(product.Id(), patched.Json.Id());
    }
}
