using System.Net;

namespace Commerce.Tests.Api;

/// <summary>A 412 says why the If-Match header did not match: a weak tag, a malformed header, or a tag that is not current.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class IfMatchMessageTests(CatalogApiFixture api)
{
    [Theory]
    [InlineData("W/\"1\"", "holds only weak tags")]
    [InlineData("garbage", "is not a valid entity tag")]
    [InlineData("\"7\"", "does not match the current ETag of category")]
    public async Task A_refused_if_match_says_why(string ifMatch, string reason)
    {
        var id = await api.Client.CreateCategoryAsync("Tagged " + Unique.Token());
        var url = $"/api/v1/categories/{id}";
        Assert.Equal("\"1\"", (await api.Client.ApiGetAsync(url)).ETag);

        foreach (var response in new[] { await api.Client.ApiPatchAsync(url, new { name = "x" }, ifMatch), await api.Client.ApiDeleteAsync(url, ifMatch) })
        {
            var detail = response.AssertProblem(HttpStatusCode.PreconditionFailed)["detail"]!.GetValue<string>();
            Assert.Contains(reason, detail, StringComparison.Ordinal);
            Assert.Contains(ifMatch, detail, StringComparison.Ordinal);
            Assert.DoesNotContain("since version", detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_product_412_names_the_product()
    {
        var product = await api.Client.CreateProductAsync();

        var detail = (await api.Client.ApiPatchAsync($"/api/v1/products/{product.Id()}", new { title = "x" }, "\"2\""))
            .AssertProblem(HttpStatusCode.PreconditionFailed)["detail"]!.GetValue<string>();

        Assert.Equal($"If-Match: \"2\" does not match the current ETag of product {product.Id()}; GET it for the current one.", detail);
    }
}
