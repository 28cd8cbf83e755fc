using System.Net;

namespace Commerce.Tests.Api;

/// <summary>Cross-grain rules under concurrent requests: exactly one winner, never a broken tree.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class ConcurrencyTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task Sixteen_parallel_creates_of_one_sku_give_exactly_one_201()
    {
        var sku = Unique.Sku();
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Client.ApiPostAsync("/api/v1/products",
            new { title = $"Racer {i}", description = "d", sku = sku.ToLowerInvariant(), price = 1 })));

        Assert.Equal(1, responses.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(15, responses.Count(r => r.Status == HttpStatusCode.Conflict));
        var search = await Client.ApiGetAsync($"/api/v1/products/search?q={sku}");
        Assert.Equal(1, search.Json["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Sixteen_parallel_creates_of_one_sibling_name_give_exactly_one_201()
    {
        var parent = await Client.CreateCategoryAsync("Parent " + Unique.Token());
        var name = "Sibling " + Unique.Token();
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Client.ApiPostAsync("/api/v1/categories",
            new { name = i % 2 == 0 ? name : " " + name.ToUpperInvariant() + " ", parent_id = parent })));

        Assert.Equal(1, responses.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(15, responses.Count(r => r.Status == HttpStatusCode.Conflict));
        var children = await Client.ApiGetAsync($"/api/v1/categories?parent_id={parent}");
        Assert.Equal(1, children.Json["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Parallel_creates_of_one_root_name_give_exactly_one_201()
    {
        var name = "Root " + Unique.Token();
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Client.ApiPostAsync("/api/v1/categories", new { name })));

        Assert.Equal(1, responses.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(15, responses.Count(r => r.Status == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Concurrent_opposite_moves_never_make_a_cycle()
    {
        for (var round = 0; round < 10; round++)
        {
            var a = await Client.CreateCategoryAsync("A " + Unique.Token());
            var b = await Client.CreateCategoryAsync("B " + Unique.Token());

            var moves = await Task.WhenAll(
                Client.ApiPatchAsync($"/api/v1/categories/{a}", new { parent_id = b }),
                Client.ApiPatchAsync($"/api/v1/categories/{b}", new { parent_id = a }));

            Assert.Equal(1, moves.Count(r => r.Status == HttpStatusCode.OK));
            Assert.Equal(1, moves.Count(r => r.Status == HttpStatusCode.UnprocessableEntity));
            var parentOfA = (await Client.ApiGetAsync($"/api/v1/categories/{a}")).Json["parent_id"]?.GetValue<long?>();
            var parentOfB = (await Client.ApiGetAsync($"/api/v1/categories/{b}")).Json["parent_id"]?.GetValue<long?>();
            Assert.True(parentOfA is null || parentOfB is null, $"cycle: {a} under {parentOfA}, {b} under {parentOfB}");
        }
    }

    [Fact]
    public async Task Concurrent_moves_never_make_a_level_101_category()
    {
        // Y under X's leaf reaches level 70 and Z under Y's leaf level 61; done together Z's leaf would be 101.
        var x = await ChainAsync(40);
        var y = await ChainAsync(30);
        var z = await ChainAsync(31);

        var moves = await Task.WhenAll(
            Client.ApiPatchAsync($"/api/v1/categories/{y[0]}", new { parent_id = x[^1] }),
            Client.ApiPatchAsync($"/api/v1/categories/{z[0]}", new { parent_id = y[^1] }));

        Assert.Equal(1, moves.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Single(moves, r => r.Status == HttpStatusCode.UnprocessableEntity).AssertInvalid("parent_id");
    }

    [Fact]
    public async Task Concurrent_patches_with_the_same_if_match_give_one_200_and_the_rest_412()
    {
        var product = await Client.CreateProductAsync();
        var id = product["id"]!.GetValue<long>();
        var etag = (await Client.ApiGetAsync($"/api/v1/products/{id}")).ETag!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Client.ApiPatchAsync($"/api/v1/products/{id}", new { title = $"Edit {i}" }, etag)));

        Assert.Equal(1, responses.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(7, responses.Count(r => r.Status == HttpStatusCode.PreconditionFailed));
        var winner = responses.Single(r => r.Status == HttpStatusCode.OK).Json["title"]!.GetValue<string>();
        Assert.Equal(winner, (await Client.ApiGetAsync($"/api/v1/products/{id}")).Json["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_patches_without_if_match_all_apply_and_none_is_lost()
    {
        var product = await Client.CreateProductAsync();
        var id = product["id"]!.GetValue<long>();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Client.ApiPatchAsync($"/api/v1/products/{id}", new { price = $"{i + 1}.00" })));

        Assert.All(responses, r => r.AssertStatus(HttpStatusCode.OK));
        var etags = responses.Select(r => r.ETag).ToHashSet();
        Assert.Equal(10, etags.Count);
        Assert.Equal("\"11\"", (await Client.ApiGetAsync($"/api/v1/products/{id}")).ETag);
    }

    private async Task<List<long>> ChainAsync(int length)
    {
        var ids = new List<long>();
        long? parent = null;
        for (var i = 0; i < length; i++)
        {
            parent = await Client.CreateCategoryAsync($"Level {i} {Unique.Token()}", parent);
            ids.Add(parent.Value);
        }

        return ids;
    }
}
