using System.Net;
using Commerce.Tests.Infrastructure;
using Npgsql;

namespace Commerce.Tests.Api;

/// <summary>
/// A category filter matches the category's whole subtree as the tree is now: after a move the subtree answers under
/// its new ancestors only, after a delete nothing answers under the deleted categories. Each product row's
/// category path (what the filter looks up) is checked against its category's row as well.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class SubtreeSearchTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task A_moved_subtree_is_found_under_its_new_ancestors_only()
    {
        var oldRoot = await Client.CreateCategoryAsync("Old root " + Unique.Token());
        var newRoot = await Client.CreateCategoryAsync("New root " + Unique.Token());
        var moved = await Client.CreateCategoryAsync("Moved", oldRoot);
        var below = await Client.CreateCategoryAsync("Below", moved);
        var stays = await Client.CreateCategoryAsync("Stays", oldRoot);
        var inMoved = (await Client.CreateProductAsync(categoryId: moved)).Id();
        var inBelow = (await Client.CreateProductAsync(categoryId: below)).Id();
        var inStays = (await Client.CreateProductAsync(categoryId: stays)).Id();

        (await Client.ApiPatchAsync($"/api/v1/categories/{moved}", new { parent_id = newRoot })).AssertStatus(HttpStatusCode.OK);

        Assert.Equal([inStays], await SubtreeAsync(oldRoot));
        Assert.Equal([inMoved, inBelow], await SubtreeAsync(newRoot));
        Assert.Equal([inMoved, inBelow], await SubtreeAsync(moved));
        Assert.Equal([inBelow], await SubtreeAsync(below));
        Assert.Equal([newRoot, moved, below], await CategoryPathOfRowAsync(inBelow));

        var added = (await Client.CreateProductAsync(categoryId: below)).Id();
        Assert.Equal([inMoved, inBelow, added], await SubtreeAsync(newRoot));
        (await Client.ApiPatchAsync($"/api/v1/products/{inStays}", new { category_id = below })).AssertStatus(HttpStatusCode.OK);
        Assert.Empty(await SubtreeAsync(oldRoot));
        Assert.Equal([inMoved, inBelow, inStays, added], await SubtreeAsync(newRoot));
    }

    [Fact]
    public async Task A_deleted_subtree_matches_nothing_and_its_products_leave_every_ancestor()
    {
        var root = await Client.CreateCategoryAsync("Delete root " + Unique.Token());
        var doomed = await Client.CreateCategoryAsync("Doomed", root);
        var below = await Client.CreateCategoryAsync("Below", doomed);
        var kept = await Client.CreateCategoryAsync("Kept", root);
        var inDoomed = (await Client.CreateProductAsync(categoryId: doomed)).Id();
        var inBelow = (await Client.CreateProductAsync(categoryId: below)).Id();
        var inKept = (await Client.CreateProductAsync(categoryId: kept)).Id();

        (await Client.ApiDeleteAsync($"/api/v1/categories/{doomed}")).AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal([inKept], await SubtreeAsync(root));
        Assert.Empty(await SubtreeAsync(doomed));
        Assert.Empty(await SubtreeAsync(below));
        Assert.Empty(await CategoryPathOfRowAsync(inDoomed));
        Assert.Empty(await CategoryPathOfRowAsync(inBelow));
        Assert.Equal([root, kept], await CategoryPathOfRowAsync(inKept));
    }

    private async Task<List<long>> SubtreeAsync(long categoryId)
    {
        var response = await Client.ApiGetAsync($"/api/v1/products/search?category_id={categoryId}&limit=100");
        response.AssertStatus(HttpStatusCode.OK);
        var ids = response.Json["items"]!.AsArray().Select(item => item!["id"]!.GetValue<long>()).ToList();
        Assert.Equal(ids.Count, response.Json["total"]!.GetValue<long>());
        return ids;
    }

    private static async Task<long[]> CategoryPathOfRowAsync(long productId)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.GetConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT category_path FROM products WHERE id = $1", connection);
        command.Parameters.Add(new() { Value = productId });
        return (long[])(await command.ExecuteScalarAsync())!;
    }
}
