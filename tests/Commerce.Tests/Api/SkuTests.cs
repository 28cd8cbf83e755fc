using System.Net;
using System.Text.Json;

namespace Commerce.Tests.Api;

/// <summary>SKUs are trimmed and upper-cased, must then match ^[A-Z0-9_-]{1,100}$, and are unique (409).</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class SkuTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    // The pattern, trimming and upper-casing row by row are unit tests of the rule (Rules/SkuRulesTests).
    [Fact]
    public async Task Sku_is_trimmed_and_upper_cased()
    {
        var token = Unique.Token();
        var product = await Client.CreateProductAsync(sku: $"  {token.ToLowerInvariant()}-abc_9  ");
        Assert.Equal($"{token.ToUpperInvariant()}-ABC_9", product.Text("sku"));
        Assert.Equal(product.Text("sku"), (await Client.ApiGetAsync($"/api/v1/products/{product.Id()}")).Json.Text("sku"));
    }

    [Fact]
    public async Task Sku_may_have_100_characters_but_not_101()
    {
        var hundred = (Unique.Token() + new string('x', 100))[..100];
        Assert.Equal(hundred.ToUpperInvariant(), (await Client.CreateProductAsync(sku: hundred)).Text("sku"));

        var tooLong = (Unique.Token() + new string('x', 101))[..101];
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With("sku", JsonSerializer.Serialize(tooLong)))).AssertInvalid("sku");
    }

    [Theory]
    [InlineData("ABC.1", "must be 1 to 100 characters of A-Z, 0-9, '_' or '-'.")]
    [InlineData("   ", "must not be blank.")]
    public async Task Sku_outside_the_pattern_is_422(string sku, string message)
    {
        var body = ProductJson.With("sku", JsonSerializer.Serialize(sku + (sku.Trim().Length == 0 ? "" : Unique.Token())));
        var problem = (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", body)).AssertProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([message], problem["errors"]!["sku"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task A_taken_sku_is_409_whatever_its_case_and_spacing()
    {
        var sku = Unique.Sku();
        await Client.CreateProductAsync(sku: sku);

        var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/products",
            ProductJson.With("sku", JsonSerializer.Serialize("  " + sku.ToLowerInvariant() + " ")));

        Assert.NotNull(response.AssertProblem(HttpStatusCode.Conflict)["errors"]?["sku"]);
    }

    [Fact]
    public async Task Patching_to_another_products_sku_is_409_and_changes_nothing()
    {
        var taken = (await Client.CreateProductAsync()).Text("sku");
        var product = await Client.CreateProductAsync();
        var before = await Client.ApiGetAsync($"/api/v1/products/{product.Id()}");

        (await Client.ApiPatchAsync($"/api/v1/products/{product.Id()}", new { sku = taken.ToLowerInvariant(), title = "Renamed" }))
            .AssertProblem(HttpStatusCode.Conflict);

        var after = await Client.ApiGetAsync($"/api/v1/products/{product.Id()}");
        Assert.Equal(before.Body, after.Body);
        Assert.Equal(before.ETag, after.ETag);
    }

    [Fact]
    public async Task Patching_a_product_to_its_own_sku_in_lower_case_is_200()
    {
        var product = await Client.CreateProductAsync();
        var response = await Client.ApiPatchAsync($"/api/v1/products/{product.Id()}", new { sku = product.Text("sku").ToLowerInvariant() });
        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(product.Text("sku"), response.Json.Text("sku"));
    }

    [Fact]
    public async Task A_deleted_products_sku_can_be_used_again()
    {
        var product = await Client.CreateProductAsync();
        (await Client.ApiDeleteAsync($"/api/v1/products/{product.Id()}")).AssertStatus(HttpStatusCode.NoContent);
        Assert.Equal(product.Text("sku"), (await Client.CreateProductAsync(sku: product.Text("sku"))).Text("sku"));
    }
}
