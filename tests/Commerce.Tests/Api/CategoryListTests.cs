using System.Net;
using System.Text.Json.Nodes;

namespace Commerce.Tests.Api;

/// <summary>
/// <c>GET /api/v1/categories</c>: the paging envelope ordered by id; <c>parent_id</c> lists direct children
/// only, and <c>parent_id=null</c> (our documented extension) lists the roots.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class CategoryListTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task Parent_id_lists_direct_children_only_in_id_order_with_an_exact_total()
    {
        var parent = await Client.CreateCategoryAsync("Parent " + Unique.Token());
        var first = await Client.CreateCategoryAsync("B first", parent);
        var second = await Client.CreateCategoryAsync("A second", parent);
        var third = await Client.CreateCategoryAsync("C third", parent);
        await Client.CreateCategoryAsync("Grandchild", first);

        var all = (await Client.ApiGetAsync($"/api/v1/categories?parent_id={parent}")).Json;
        Assert.Equal(3, all["total"]!.GetValue<long>());
        Assert.Equal([first, second, third], Ids(all));
        Assert.All(all["items"]!.AsArray(), item => Assert.Equal(parent, item!["parent_id"]!.GetValue<long>()));

        var page1 = (await Client.ApiGetAsync($"/api/v1/categories?parent_id={parent}&limit=2")).Json;
        var page2 = (await Client.ApiGetAsync($"/api/v1/categories?parent_id={parent}&limit=2&offset=2")).Json;
        var past = (await Client.ApiGetAsync($"/api/v1/categories?parent_id={parent}&limit=2&offset=10")).Json;
        Assert.Equal([first, second], Ids(page1));
        Assert.Equal([third], Ids(page2));
        Assert.Empty(Ids(past));
        Assert.All([page1, page2, past], page => Assert.Equal(3, page["total"]!.GetValue<long>()));
        Assert.Equal(2, page2["offset"]!.GetValue<long>());
        Assert.Equal(2, page2["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task Parent_id_null_lists_the_roots_and_no_parent_id_lists_every_category()
    {
        var root = await Client.CreateCategoryAsync("Root " + Unique.Token());
        var child = await Client.CreateCategoryAsync("Child", root);

        var roots = await AllAsync("parent_id=null&");
        Assert.Contains(root, roots.Select(r => r.Id()));
        Assert.DoesNotContain(child, roots.Select(r => r.Id()));
        Assert.All(roots, r => Assert.Null(r["parent_id"]));

        var everything = await AllAsync(string.Empty);
        Assert.Contains(root, everything.Select(r => r.Id()));
        Assert.Contains(child, everything.Select(r => r.Id()));
    }

    [Fact]
    public async Task An_unknown_parent_has_no_children()
    {
        var page = await Client.ApiGetAsync("/api/v1/categories?parent_id=987654321987");
        page.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(0, page.Json["total"]!.GetValue<long>());
        Assert.Empty(page.Json["items"]!.AsArray());
    }

    [Fact]
    public async Task The_default_page_is_the_first_20()
    {
        var parent = await Client.CreateCategoryAsync("Many " + Unique.Token());
        for (var i = 0; i < 21; i++)
        {
            await Client.CreateCategoryAsync($"Child {i}", parent);
        }

        var page = (await Client.ApiGetAsync($"/api/v1/categories?parent_id={parent}")).Json;
        Assert.Equal(20, page["limit"]!.GetValue<int>());
        Assert.Equal(0, page["offset"]!.GetValue<long>());
        Assert.Equal(20, page["items"]!.AsArray().Count);
        Assert.Equal(21, page["total"]!.GetValue<long>());
    }

    // Every refused parameter is a unit test (Rules/CategoryListParametersTests); these show the 422 end to end.
    [Theory]
    [InlineData("parent_id=abc", "parent_id")]
    [InlineData("parent_id=1&parent_id=2", "parent_id")]
    [InlineData("offset=-1", "offset")]
    public async Task Bad_parameters_are_422(string query, string field)
    {
        (await Client.ApiGetAsync("/api/v1/categories?" + query)).AssertInvalid(field);
    }

    private static List<long> Ids(JsonNode page) => [.. page["items"]!.AsArray().Select(item => item!.Id())];

    /// <summary>Every page of the list, checking on the way that pages are in id order and the total is exact.</summary>
    private async Task<List<JsonNode>> AllAsync(string query)
    {
        var items = new List<JsonNode>();
        long total = -1;
        for (var offset = 0L; total < 0 || offset < total; offset += 100)
        {
            var page = await Client.ApiGetAsync($"/api/v1/categories?{query}limit=100&offset={offset}");
            page.AssertStatus(HttpStatusCode.OK);
            total = page.Json["total"]!.GetValue<long>();
            items.AddRange(page.Json["items"]!.AsArray().Select(item => item!));
        }

        Assert.Equal(total, items.Count);
        Assert.Equal(items.Select(i => i.Id()).Order(), items.Select(i => i.Id()));
        return items;
    }
}
