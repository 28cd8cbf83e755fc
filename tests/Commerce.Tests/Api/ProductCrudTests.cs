using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Commerce.Tests.Api;

/// <summary>Create, read, update and delete of products: status codes, headers and the shape of the body.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed partial class ProductCrudTests(CatalogApiFixture api)
{
    private static readonly string[] ProductFields =
        ["id", "title", "description", "image_url", "sku", "price", "category_id", "created_at", "updated_at", "stock", "available"];

    private HttpClient Client => api.Client;

    [Fact]
    public async Task Create_is_201_with_location_etag_and_the_product_in_snake_case()
    {
        var category = await Client.CreateCategoryAsync("Lamps " + Unique.Token());
        var sku = Unique.Sku();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var response = await Client.ApiPostAsync("/api/v1/products", new Dictionary<string, object?>
        {
            ["title"] = "Desk lamp",
            ["description"] = "Warm light.",
            ["image_url"] = "https://img.example.com/lamp.png",
            ["sku"] = sku.ToLowerInvariant(),
            ["price"] = 200,
            ["category_id"] = category,
        });

        response.AssertStatus(HttpStatusCode.Created);
        var product = response.Json.AsObject();
        var id = product.Id();
        Assert.True(id > 0);
        Assert.Equal($"/api/v1/products/{id}", response.Location);
        Assert.Matches(StrongETag(), response.ETag);
        Assert.Equal(ProductFields.Order(), product.Select(p => p.Key).Order());
        Assert.Equal("Desk lamp", product.Text("title"));
        Assert.Equal("Warm light.", product.Text("description"));
        Assert.Equal("https://img.example.com/lamp.png", product.Text("image_url"));
        Assert.Equal(sku, product.Text("sku"));
        Assert.Equal("200.00", product.Text("price"));
        Assert.Equal(category, product["category_id"]!.GetValue<long>());
        Assert.Matches(UtcTimestamp(), product.Text("created_at"));
        Assert.Equal(product.Text("created_at"), product.Text("updated_at"));
        var created = DateTimeOffset.Parse(product.Text("created_at"), CultureInfo.InvariantCulture);
        Assert.InRange(created, before, DateTimeOffset.UtcNow.AddSeconds(5));

        var read = await Client.ApiGetAsync(response.Location!);
        read.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/json", read.ContentType?.MediaType);
        Assert.True(JsonNode.DeepEquals(product, read.Json), read.Body);
        Assert.Equal(response.ETag, read.ETag);
    }

    [Fact]
    public async Task Fields_without_a_value_are_returned_as_null()
    {
        var product = (await Client.CreateProductAsync()).AsObject();
        Assert.Equal(ProductFields.Order(), product.Select(p => p.Key).Order());
        Assert.Null(product["image_url"]);
        Assert.Null(product["category_id"]);
    }

    [Fact]
    public async Task Get_of_an_unknown_product_is_404()
    {
        (await Client.ApiGetAsync("/api/v1/products/987654321987")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_changes_the_given_fields_and_leaves_absent_ones_alone()
    {
        var category = await Client.CreateCategoryAsync("Patched " + Unique.Token());
        var original = (await Client.ApiPostAsync("/api/v1/products", new
        {
            title = "Before", description = "Kept.", image_url = "https://example.com/a.png", sku = Unique.Sku(), price = "5.50", category_id = category,
        })).Json;

        var response = await Client.ApiPatchAsync($"/api/v1/products/{original.Id()}", new { title = "After", price = 7 });

        response.AssertStatus(HttpStatusCode.OK);
        var patched = response.Json;
        Assert.Equal("After", patched.Text("title"));
        Assert.Equal("7.00", patched.Text("price"));
        foreach (var kept in new[] { "id", "description", "image_url", "sku", "category_id", "created_at" })
        {
            Assert.True(JsonNode.DeepEquals(original[kept], patched[kept]), $"{kept} changed: {response.Body}");
        }

        Assert.True(JsonNode.DeepEquals(patched, (await Client.ApiGetAsync($"/api/v1/products/{original.Id()}")).Json));
    }

    [Fact]
    public async Task Patch_with_null_clears_image_url_and_category_id()
    {
        var category = await Client.CreateCategoryAsync("Cleared " + Unique.Token());
        var id = (await Client.ApiPostAsync("/api/v1/products", new
        {
            title = "Clear me", description = "d", image_url = "https://example.com/a.png", sku = Unique.Sku(), price = 1, category_id = category,
        })).Json.Id();

        var response = await Client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{id}", """{"image_url": null, "category_id": null}""");

        response.AssertStatus(HttpStatusCode.OK);
        var stored = (await Client.ApiGetAsync($"/api/v1/products/{id}")).Json.AsObject();
        Assert.True(stored.ContainsKey("image_url") && stored["image_url"] is null, stored.ToJsonString());
        Assert.True(stored.ContainsKey("category_id") && stored["category_id"] is null, stored.ToJsonString());
        Assert.Equal("Clear me", stored.Text("title"));
    }

    // Each required field is a unit test (Rules/ProductRequestsTests); this shows the 422 and that nothing changes.
    [Fact]
    public async Task Patch_with_null_for_a_required_field_is_422_and_changes_nothing()
    {
        var id = (await Client.CreateProductAsync()).Id();
        var before = await Client.ApiGetAsync($"/api/v1/products/{id}");

        (await Client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{id}", ProductJson.Patch("title", "null"))).AssertInvalid("title");

        var after = await Client.ApiGetAsync($"/api/v1/products/{id}");
        Assert.Equal(before.Body, after.Body);
        Assert.Equal(before.ETag, after.ETag);
    }

    [Fact]
    public async Task Patch_with_an_empty_object_is_200_and_changes_nothing()
    {
        var id = (await Client.CreateProductAsync()).Id();
        var before = await Client.ApiGetAsync($"/api/v1/products/{id}");

        var response = await Client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{id}", "{}");

        response.AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(before.Json, response.Json), response.Body);
        Assert.Equal(before.ETag, response.ETag);
        var after = await Client.ApiGetAsync($"/api/v1/products/{id}");
        Assert.Equal(before.Body, after.Body);
        Assert.Equal(before.ETag, after.ETag);
    }

    [Fact]
    public async Task Delete_is_204_and_afterwards_the_product_is_gone()
    {
        var id = (await Client.CreateProductAsync()).Id();

        var response = await Client.ApiDeleteAsync($"/api/v1/products/{id}");

        response.AssertStatus(HttpStatusCode.NoContent);
        Assert.Empty(response.Body);
        (await Client.ApiGetAsync($"/api/v1/products/{id}")).AssertProblem(HttpStatusCode.NotFound);
        (await Client.ApiPatchAsync($"/api/v1/products/{id}", new { title = "Back" })).AssertProblem(HttpStatusCode.NotFound);
        (await Client.ApiDeleteAsync($"/api/v1/products/{id}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_and_delete_of_an_unknown_product_are_404()
    {
        (await Client.ApiPatchAsync("/api/v1/products/987654321988", new { title = "Nobody" })).AssertProblem(HttpStatusCode.NotFound);
        (await Client.ApiDeleteAsync("/api/v1/products/987654321988")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(987654321987)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task An_unknown_category_id_is_404_on_create_and_on_patch(long category)
    {
        var created = await Client.ApiPostAsync("/api/v1/products", new { title = "t", description = "d", sku = Unique.Sku(), price = 1, category_id = category });
        Assert.True(created.AssertProblem(HttpStatusCode.NotFound)["errors"]?["category_id"] is JsonArray, created.Body);

        var id = (await Client.CreateProductAsync()).Id();
        (await Client.ApiPatchAsync($"/api/v1/products/{id}", new { category_id = category })).AssertProblem(HttpStatusCode.NotFound);
        Assert.Null((await Client.ApiGetAsync($"/api/v1/products/{id}")).Json["category_id"]);
    }

    [GeneratedRegex("""^"[^"]+"$""")]
    private static partial Regex StrongETag();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$")]
    private static partial Regex UtcTimestamp();
}
