using Commerce.Tests.Api;
using Commerce.Tests.OpenApi.Generated;

namespace Commerce.Tests.OpenApi;

/// <summary>
/// A client generated from the document (Generated/CatalogClient.g.cs, kept equal to what the served document
/// generates by <see cref="GeneratedClientTests"/>) works against the real catalog: the whole life of a product,
/// and the refusals a client must handle arrive as typed problems.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class GeneratedClientWalkThroughTests(CatalogApiFixture api)
{
    [Fact]
    public async Task A_generated_client_creates_reads_patches_searches_and_deletes()
    {
        var catalog = new CatalogClient(api.Client);
        var token = Unique.Token();
        var category = (await catalog.CreateCategoryAsync(new CreateCategoryRequest { Name = "Walk " + token })).Result;
        var created = await catalog.CreateProductAsync(new CreateProductRequest
        {
            Title = "Смартфон " + token, Description = "6.1\" OLED", Sku = Unique.Sku(), Price = "1299.99", Category_id = category.Id,
        });
        Assert.Equal(201, created.StatusCode);
        Assert.Equal($"/api/v1/products/{created.Result.Id}", Header(created, "Location"));

        var read = await catalog.GetProductAsync(created.Result.Id);
        Assert.Equal("1299.99", read.Result.Price);
        Assert.Equal(category.Id, read.Result.Category_id);
        Assert.Null(read.Result.Image_url);

        var patched = await catalog.UpdateProductAsync(read.Result.Id, Header(read, "ETag"), new UpdateProductRequest { Price = "1199" });
        Assert.Equal("1199.00", patched.Result.Price);
        Assert.Equal(read.Result.Title, patched.Result.Title);
        Assert.True(patched.Result.Updated_at > read.Result.Updated_at);

        var found = await catalog.SearchProductsAsync(token, "1000", "1200.50", category.Id, 10, 0, null);
        Assert.Equal(1, found.Result.Total);
        Assert.Equal(patched.Result.Id, Assert.Single(found.Result.Items).Id);

        await catalog.DeleteProductAsync(patched.Result.Id, Header(patched, "ETag"));
        var gone = await Assert.ThrowsAsync<CatalogApiException<ProblemDetails>>(() => catalog.GetProductAsync(patched.Result.Id));
        Assert.Equal(404, gone.Result.Status);
        Assert.Equal(204, (await catalog.DeleteCategoryAsync(category.Id, null)).StatusCode);
    }

    [Fact]
    public async Task A_generated_client_gets_409_412_and_422_as_typed_problems()
    {
        var catalog = new CatalogClient(api.Client);
        var product = await catalog.CreateProductAsync(new CreateProductRequest { Title = "Typed", Description = "d", Sku = Unique.Sku(), Price = "5" });

        var duplicate = await Assert.ThrowsAsync<CatalogApiException<ProblemDetails>>(() => catalog.CreateProductAsync(
            new CreateProductRequest { Title = "Again", Description = "d", Sku = product.Result.Sku.ToLowerInvariant(), Price = "5" }));
        Assert.Equal(409, duplicate.StatusCode);
        Assert.Contains("sku", duplicate.Result.Errors!.Keys);

        var stale = await Assert.ThrowsAsync<CatalogApiException<ProblemDetails>>(() => catalog.UpdateProductAsync(
            product.Result.Id, "\"99\"", new UpdateProductRequest { Title = "Late" }));
        Assert.Equal(412, stale.Result.Status);
        Assert.Contains("does not match the current ETag", stale.Result.Detail, StringComparison.Ordinal);

        var invalid = await Assert.ThrowsAsync<CatalogApiException<ProblemDetails>>(() => catalog.UpdateProductAsync(
            product.Result.Id, Header(product, "ETag"), new UpdateProductRequest { Price = "1.005" }));
        Assert.Equal(422, invalid.StatusCode);
        Assert.Equal(["must have at most 2 decimal places."], invalid.Result.Errors!["price"]);
    }

    private static string Header(CatalogResponse response, string name) => Assert.Single(response.Headers[name]);
}
