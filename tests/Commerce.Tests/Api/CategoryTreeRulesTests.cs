using System.Net;

namespace Commerce.Tests.Api;

/// <summary>The rules of the tree: unique sibling names (409), at most 100 levels (422), no cycles (422).</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class CategoryTreeRulesTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Theory]
    [InlineData("Café")]
    [InlineData("CAFÉ")]
    [InlineData("  café  ")]
    [InlineData("Cafe\u0301")]
    [InlineData("CAFE\u0301")]
    public async Task Sibling_names_clash_case_insensitively_after_trim_and_nfc(string clash)
    {
        var parent = await Client.CreateCategoryAsync("Parent " + Unique.Token());
        await Client.CreateCategoryAsync("Café", parent);

        var response = await Client.ApiPostAsync("/api/v1/categories", new { name = clash, parent_id = parent });

        Assert.NotNull(response.AssertProblem(HttpStatusCode.Conflict)["errors"]?["name"]);
        Assert.Equal(1, (await Client.ApiGetAsync($"/api/v1/categories?parent_id={parent}")).Json["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Root_names_are_unique_too()
    {
        var name = "Root " + Unique.Token();
        await Client.CreateCategoryAsync(name);
        (await Client.ApiPostAsync("/api/v1/categories", new { name = name.ToUpperInvariant() })).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_same_name_is_allowed_under_different_parents()
    {
        var name = "Shared " + Unique.Token();
        var first = await Client.CreateCategoryAsync("First " + Unique.Token());
        var second = await Client.CreateCategoryAsync("Second " + Unique.Token());

        var underFirst = await Client.CreateCategoryAsync(name, first);
        await Client.CreateCategoryAsync(name, second);
        await Client.CreateCategoryAsync(name);
        await Client.CreateCategoryAsync(name, underFirst);
    }

    [Fact]
    public async Task Renaming_to_a_siblings_name_is_409_but_changing_the_case_of_its_own_name_is_not()
    {
        var parent = await Client.CreateCategoryAsync("Parent " + Unique.Token());
        await Client.CreateCategoryAsync("Shoes", parent);
        var boots = await Client.CreateCategoryAsync("Boots", parent);
        var before = await Client.ApiGetAsync($"/api/v1/categories/{boots}");

        (await Client.ApiPatchAsync($"/api/v1/categories/{boots}", new { name = " shoes " })).AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(before.Body, (await Client.ApiGetAsync($"/api/v1/categories/{boots}")).Body);

        var recased = await Client.ApiPatchAsync($"/api/v1/categories/{boots}", new { name = "BOOTS" });
        recased.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("BOOTS", recased.Json.Text("name"));
    }

    [Fact]
    public async Task Moving_next_to_a_sibling_of_the_same_name_is_409()
    {
        var name = "Twin " + Unique.Token();
        var parent = await Client.CreateCategoryAsync("Parent " + Unique.Token());
        await Client.CreateCategoryAsync(name, parent);
        await Client.CreateCategoryAsync(name);
        var other = await Client.CreateCategoryAsync("Other " + Unique.Token());
        var twin = await Client.CreateCategoryAsync(name.ToLowerInvariant(), other);

        (await Client.ApiPatchAsync($"/api/v1/categories/{twin}", new { parent_id = parent })).AssertProblem(HttpStatusCode.Conflict);
        (await Client.ApiPatchAsync($"/api/v1/categories/{twin}", new Dictionary<string, object?> { ["parent_id"] = null }))
            .AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(other, (await Client.ApiGetAsync($"/api/v1/categories/{twin}")).Json["parent_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_chain_may_be_100_levels_deep_and_no_change_may_make_it_deeper()
    {
        var chain = new List<long>();
        long? parent = null;
        for (var level = 1; level <= 100; level++)
        {
            parent = await Client.CreateCategoryAsync($"Level {level} {Unique.Token()}", parent);
            chain.Add(parent.Value);
        }

        // Level 101 by create.
        (await Client.ApiPostAsync("/api/v1/categories", new { name = "Too deep", parent_id = chain[99] })).AssertInvalid("parent_id");

        // Level 101 by moving a two-level subtree under level 99.
        var top = await Client.CreateCategoryAsync("Subtree " + Unique.Token());
        var leaf = await Client.CreateCategoryAsync("Leaf", top);
        (await Client.ApiPatchAsync($"/api/v1/categories/{top}", new { parent_id = chain[98] })).AssertInvalid("parent_id");
        Assert.Null((await Client.ApiGetAsync($"/api/v1/categories/{top}")).Json["parent_id"]);

        // Moving the whole chain under a level-2 category would put its leaf at level 102.
        (await Client.ApiPatchAsync($"/api/v1/categories/{chain[0]}", new { parent_id = leaf })).AssertInvalid("parent_id");
        Assert.Null((await Client.ApiGetAsync($"/api/v1/categories/{chain[0]}")).Json["parent_id"]);

        // A single category moved to level 100 is fine, and then nothing can go under it.
        (await Client.ApiPatchAsync($"/api/v1/categories/{leaf}", new { parent_id = chain[98] })).AssertStatus(HttpStatusCode.OK);
        (await Client.ApiPostAsync("/api/v1/categories", new { name = "Too deep", parent_id = leaf })).AssertInvalid("parent_id");
    }

    [Fact]
    public async Task A_category_cannot_move_under_itself_or_a_descendant()
    {
        var root = await Client.CreateCategoryAsync("Cycle " + Unique.Token());
        var child = await Client.CreateCategoryAsync("Child", root);
        var grandchild = await Client.CreateCategoryAsync("Grandchild", child);

        foreach (var target in new[] { root, child, grandchild })
        {
            (await Client.ApiPatchAsync($"/api/v1/categories/{root}", new { parent_id = target })).AssertInvalid("parent_id");
        }

        (await Client.ApiPatchAsync($"/api/v1/categories/{child}", new { parent_id = grandchild })).AssertInvalid("parent_id");
        Assert.Null((await Client.ApiGetAsync($"/api/v1/categories/{root}")).Json["parent_id"]);
        Assert.Equal(root, (await Client.ApiGetAsync($"/api/v1/categories/{child}")).Json["parent_id"]!.GetValue<long>());
        Assert.Equal(child, (await Client.ApiGetAsync($"/api/v1/categories/{grandchild}")).Json["parent_id"]!.GetValue<long>());
    }
}
