using System.Net;

namespace Commerce.Tests.Api;

/// <summary>Deleting a category removes its subtree and unlinks (never deletes) the products in it.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class CategoryDeleteTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task Delete_removes_the_subtree_and_unlinks_its_products_but_spares_the_rest()
    {
        var root = await Client.CreateCategoryAsync("Root " + Unique.Token());
        var doomed = await Client.CreateCategoryAsync("Doomed", root);
        var child = await Client.CreateCategoryAsync("Child", doomed);
        var grandchild = await Client.CreateCategoryAsync("Grandchild", child);
        var kept = await Client.CreateCategoryAsync("Kept", root);
        var inDoomed = await Client.CreateProductAsync(categoryId: doomed);
        var inGrandchild = await Client.CreateProductAsync(categoryId: grandchild);
        var inKept = await Client.CreateProductAsync(categoryId: kept);
        var doomedId = inDoomed["id"]!.GetValue<long>();

        // Make the product grain active with its old state, so the test proves it does not serve it afterwards.
        var before = await Client.ApiGetAsync($"/api/v1/products/{doomedId}");
        Assert.Equal(doomed, before.Json["category_id"]!.GetValue<long>());

        (await Client.ApiDeleteAsync($"/api/v1/categories/{doomed}")).AssertStatus(HttpStatusCode.NoContent);

        foreach (var gone in new[] { doomed, child, grandchild })
        {
            (await Client.ApiGetAsync($"/api/v1/categories/{gone}")).AssertProblem(HttpStatusCode.NotFound);
        }

        (await Client.ApiGetAsync($"/api/v1/categories/{kept}")).AssertStatus(HttpStatusCode.OK);
        var after = await Client.ApiGetAsync($"/api/v1/products/{doomedId}");
        after.AssertStatus(HttpStatusCode.OK);
        Assert.Null(after.Json["category_id"]?.GetValue<long?>());
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.True(string.CompareOrdinal(after.Json["updated_at"]!.GetValue<string>(), before.Json["updated_at"]!.GetValue<string>()) > 0);
        var grandchildProduct = await Client.ApiGetAsync($"/api/v1/products/{inGrandchild["id"]}");
        Assert.Null(grandchildProduct.Json["category_id"]?.GetValue<long?>());
        var keptProduct = await Client.ApiGetAsync($"/api/v1/products/{inKept["id"]}");
        Assert.Equal(kept, keptProduct.Json["category_id"]!.GetValue<long>());

        var search = await Client.ApiGetAsync($"/api/v1/products/search?category_id={root}");
        Assert.Equal([inKept["id"]!.GetValue<long>()], search.Json["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_patch_with_the_etag_from_before_the_unlink_is_refused()
    {
        var category = await Client.CreateCategoryAsync("Gone " + Unique.Token());
        var product = await Client.CreateProductAsync(categoryId: category);
        var id = product["id"]!.GetValue<long>();
        var etag = (await Client.ApiGetAsync($"/api/v1/products/{id}")).ETag;

        (await Client.ApiDeleteAsync($"/api/v1/categories/{category}")).AssertStatus(HttpStatusCode.NoContent);

        (await Client.ApiPatchAsync($"/api/v1/products/{id}", new { title = "Too late" }, etag)).AssertProblem(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Linking_a_product_to_a_deleted_category_is_404()
    {
        var category = await Client.CreateCategoryAsync("Short-lived " + Unique.Token());
        (await Client.ApiDeleteAsync($"/api/v1/categories/{category}")).AssertStatus(HttpStatusCode.NoContent);

        var response = await Client.ApiPostAsync("/api/v1/products", new { title = "t", description = "d", sku = Unique.Sku(), price = 1, category_id = category });
        response.AssertProblem(HttpStatusCode.NotFound);
        (await Client.ApiDeleteAsync($"/api/v1/categories/{category}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_honours_if_match()
    {
        var category = await Client.CreateCategoryAsync("Guarded " + Unique.Token());
        (await Client.ApiDeleteAsync($"/api/v1/categories/{category}", "\"99\"")).AssertProblem(HttpStatusCode.PreconditionFailed);
        (await Client.ApiGetAsync($"/api/v1/categories/{category}")).AssertStatus(HttpStatusCode.OK);
        (await Client.ApiDeleteAsync($"/api/v1/categories/{category}", "\"1\"")).AssertStatus(HttpStatusCode.NoContent);
    }
}
