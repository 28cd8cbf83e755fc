using System.Net;

namespace Commerce.Tests.Api;

/// <summary>A move under the category itself and a move under one of its descendants are the same refusal, in the same words.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class CategoryCycleWordingTests(CatalogApiFixture api)
{
    [Fact]
    public async Task Moving_under_itself_or_a_descendant_reads_the_same()
    {
        var root = await api.Client.CreateCategoryAsync("Cycle " + Unique.Token());
        var child = await api.Client.CreateCategoryAsync("Child", root);

        var underItself = (await api.Client.ApiPatchAsync($"/api/v1/categories/{root}", new { parent_id = root })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        var underChild = (await api.Client.ApiPatchAsync($"/api/v1/categories/{root}", new { parent_id = child })).AssertProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("A category cannot be moved under itself or one of its descendants.", underItself["detail"]!.GetValue<string>());
        Assert.Equal(underItself["detail"]!.GetValue<string>(), underChild["detail"]!.GetValue<string>());
        Assert.Equal(underItself["errors"]!.ToJsonString(), underChild["errors"]!.ToJsonString());
    }
}
