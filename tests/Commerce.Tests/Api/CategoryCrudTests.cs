using System.Net;
using System.Text.Json.Nodes;

namespace Commerce.Tests.Api;

/// <summary>Create, read, rename, move and delete of categories: status codes, headers and the body.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class CategoryCrudTests(CatalogApiFixture api)
{
    private static readonly string[] RequiredFields = ["id", "name", "parent_id", "created_at", "updated_at"];

    private HttpClient Client => api.Client;

    [Fact]
    public async Task Create_of_a_root_is_201_with_location_etag_and_a_null_parent()
    {
        var name = "Garden " + Unique.Token();
        var response = await Client.ApiPostAsync("/api/v1/categories", new { name });

        response.AssertStatus(HttpStatusCode.Created);
        var category = response.Json.AsObject();
        Assert.Equal($"/api/v1/categories/{category.Id()}", response.Location);
        Assert.StartsWith("\"", response.ETag, StringComparison.Ordinal);
        Assert.All(RequiredFields, field => Assert.True(category.ContainsKey(field), $"{field} missing: {response.Body}"));
        Assert.Equal(name, category.Text("name"));
        Assert.Null(category["parent_id"]);
        Assert.EndsWith("Z", category.Text("created_at"), StringComparison.Ordinal);
        Assert.Equal(category.Text("created_at"), category.Text("updated_at"));

        var read = await Client.ApiGetAsync(response.Location!);
        read.AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(category, read.Json), read.Body);
        Assert.Equal(response.ETag, read.ETag);
    }

    [Fact]
    public async Task Create_with_a_parent_makes_a_child()
    {
        var parent = await Client.CreateCategoryAsync("Parent " + Unique.Token());
        var response = await Client.ApiPostAsync("/api/v1/categories", new { name = "Child", parent_id = parent });
        response.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(parent, response.Json["parent_id"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(987654321987)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task An_unknown_parent_is_404_on_create_and_on_move(long parent)
    {
        var created = await Client.ApiPostAsync("/api/v1/categories", new { name = "Orphan " + Unique.Token(), parent_id = parent });
        Assert.NotNull(created.AssertProblem(HttpStatusCode.NotFound)["errors"]?["parent_id"]);

        var id = await Client.CreateCategoryAsync("Mover " + Unique.Token());
        (await Client.ApiPatchAsync($"/api/v1/categories/{id}", new { parent_id = parent, name = "Moved" })).AssertProblem(HttpStatusCode.NotFound);
        Assert.StartsWith("Mover ", (await Client.ApiGetAsync($"/api/v1/categories/{id}")).Json.Text("name"), StringComparison.Ordinal);
        Assert.Null((await Client.ApiGetAsync($"/api/v1/categories/{id}")).Json["parent_id"]);
    }

    [Fact]
    public async Task Get_patch_and_delete_of_an_unknown_category_are_404()
    {
        (await Client.ApiGetAsync("/api/v1/categories/987654321987")).AssertProblem(HttpStatusCode.NotFound);
        (await Client.ApiPatchAsync("/api/v1/categories/987654321987", new { name = "Nobody" })).AssertProblem(HttpStatusCode.NotFound);
        (await Client.ApiDeleteAsync("/api/v1/categories/987654321987")).AssertProblem(HttpStatusCode.NotFound);
    }

    // Every invalid body row by row is a unit test (Rules/CategoryRequestsTests); these show the 422 end to end.
    [Theory]
    [InlineData("{}", "name", "is required.")]
    [InlineData("""{"name": " \u3000 "}""", "name", "must not be blank.")]
    [InlineData("""{"name": 42}""", "name", "must be a string, not a number.")]
    [InlineData("""{"name": "Fine", "parent_id": "1"}""", "parent_id", "must be an integer id, not a string.")]
    public async Task Invalid_create_bodies_are_422(string body, string field, string message)
    {
        var problem = (await Client.SendAsync(HttpMethod.Post, "/api/v1/categories", body)).AssertProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([message], problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"name": null}""", "name")]
    [InlineData("""{"name": ""}""", "name")]
    [InlineData("""{"parent_id": "1"}""", "parent_id")]
    public async Task Invalid_patch_bodies_are_422_and_change_nothing(string body, string field)
    {
        var id = await Client.CreateCategoryAsync("Stable " + Unique.Token());
        var before = await Client.ApiGetAsync($"/api/v1/categories/{id}");

        (await Client.SendAsync(HttpMethod.Patch, $"/api/v1/categories/{id}", body)).AssertInvalid(field);

        var after = await Client.ApiGetAsync($"/api/v1/categories/{id}");
        Assert.Equal(before.Body, after.Body);
        Assert.Equal(before.ETag, after.ETag);
    }

    [Fact]
    public async Task Rename_changes_the_name_and_keeps_the_parent()
    {
        var parent = await Client.CreateCategoryAsync("Parent " + Unique.Token());
        var id = await Client.CreateCategoryAsync("Old name", parent);

        var response = await Client.ApiPatchAsync($"/api/v1/categories/{id}", new { name = "  New name  " });

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("New name", response.Json.Text("name"));
        Assert.Equal(parent, response.Json["parent_id"]!.GetValue<long>());
        Assert.True(JsonNode.DeepEquals(response.Json, (await Client.ApiGetAsync($"/api/v1/categories/{id}")).Json));
    }

    [Fact]
    public async Task Patch_moves_under_another_parent_and_parent_id_null_moves_to_the_roots()
    {
        var first = await Client.CreateCategoryAsync("First " + Unique.Token());
        var second = await Client.CreateCategoryAsync("Second " + Unique.Token());
        var id = await Client.CreateCategoryAsync("Moving", first);

        var moved = await Client.ApiPatchAsync($"/api/v1/categories/{id}", new { parent_id = second });
        moved.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(second, moved.Json["parent_id"]!.GetValue<long>());
        Assert.Equal("Moving", moved.Json.Text("name"));
        Assert.Equal(0, (await Client.ApiGetAsync($"/api/v1/categories?parent_id={first}")).Json["total"]!.GetValue<long>());
        Assert.Equal(1, (await Client.ApiGetAsync($"/api/v1/categories?parent_id={second}")).Json["total"]!.GetValue<long>());

        var rooted = await Client.ApiPatchAsync(
            $"/api/v1/categories/{id}", new Dictionary<string, object?> { ["parent_id"] = null, ["name"] = "Rooted " + Unique.Token() });
        rooted.AssertStatus(HttpStatusCode.OK);
        Assert.True(rooted.Json.AsObject().ContainsKey("parent_id") && rooted.Json["parent_id"] is null, rooted.Body);
        Assert.Null((await Client.ApiGetAsync($"/api/v1/categories/{id}")).Json["parent_id"]);
        Assert.Equal(0, (await Client.ApiGetAsync($"/api/v1/categories?parent_id={second}")).Json["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Patch_with_an_empty_object_is_200_and_changes_nothing()
    {
        var parent = await Client.CreateCategoryAsync("Parent " + Unique.Token());
        var id = await Client.CreateCategoryAsync("Untouched", parent);
        var before = await Client.ApiGetAsync($"/api/v1/categories/{id}");

        var response = await Client.SendAsync(HttpMethod.Patch, $"/api/v1/categories/{id}", "{}");

        response.AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(before.Json, response.Json), response.Body);
        Assert.Equal(before.ETag, response.ETag);
        Assert.Equal(before.Body, (await Client.ApiGetAsync($"/api/v1/categories/{id}")).Body);
    }

    [Fact]
    public async Task Delete_is_204_and_afterwards_the_category_is_gone()
    {
        var id = await Client.CreateCategoryAsync("Temporary " + Unique.Token());

        var response = await Client.ApiDeleteAsync($"/api/v1/categories/{id}");

        response.AssertStatus(HttpStatusCode.NoContent);
        Assert.Empty(response.Body);
        (await Client.ApiGetAsync($"/api/v1/categories/{id}")).AssertProblem(HttpStatusCode.NotFound);
        (await Client.ApiPatchAsync($"/api/v1/categories/{id}", new { name = "Back" })).AssertProblem(HttpStatusCode.NotFound);
        (await Client.ApiDeleteAsync($"/api/v1/categories/{id}")).AssertProblem(HttpStatusCode.NotFound);
    }
}
