using System.Net;

namespace Commerce.Tests.Api;

/// <summary>Every GET resource answers HEAD (RFC 9110 §9.3.2): the status and headers of the GET, and no body.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class HeadRequestTests(CatalogApiFixture api)
{
    [Fact]
    public async Task Head_answers_like_get_without_a_body()
    {
        var category = await api.Client.CreateCategoryAsync("Headed " + Unique.Token());
        var product = await api.Client.CreateProductAsync(categoryId: category);
        foreach (var url in new[]
        {
            $"/api/v1/products/{product.Id()}", $"/api/v1/categories/{category}", "/api/v1/products?limit=1",
            "/api/v1/categories?parent_id=null", $"/api/v1/products/search?category_id={category}",
        })
        {
            var get = await api.Client.ApiGetAsync(url);
            var head = await api.Client.SendAsync(HttpMethod.Head, url);

            Assert.Equal(HttpStatusCode.OK, head.Status);
            Assert.Equal(get.ETag, head.ETag);
            Assert.Equal(get.ContentType?.MediaType, head.ContentType?.MediaType);
            Assert.Equal("", head.Body);
        }
    }

    [Fact]
    public async Task Head_of_a_missing_resource_is_404_without_a_body()
    {
        var head = await api.Client.SendAsync(HttpMethod.Head, "/api/v1/products/987654321987");

        Assert.Equal(HttpStatusCode.NotFound, head.Status);
        Assert.Equal("application/problem+json", head.ContentType?.MediaType);
        Assert.Equal("", head.Body);
    }
}
