using System.Globalization;
using System.Net;

namespace Commerce.Tests.Api;

/// <summary>
/// ETags and If-Match: every GET of a resource has an ETag that changes with every change, a stale If-Match
/// is 412 and changes nothing, and updated_at moves strictly forward on every successful change.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class EntityTagTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task Every_product_change_gives_a_new_etag_and_a_later_updated_at()
    {
        var category = await Client.CreateCategoryAsync("Tagged " + Unique.Token());
        var id = (await Client.CreateProductAsync()).Id();
        var url = $"/api/v1/products/{id}";
        object[] changes =
        [
            new { title = "Second" },
            new { price = "11.00" },
            new { description = "Third" },
            new { image_url = "https://example.com/x.png" },
            new Dictionary<string, object?> { ["image_url"] = null },
            new { category_id = category },
            new { sku = Unique.Sku() },
            new { title = "Fourth", price = 12 },
        ];

        await AssertEveryChangeMovesAsync(url, changes.Select(change => (Func<Task<ApiResponse>>)(() => Client.ApiPatchAsync(url, change))));
    }

    [Fact]
    public async Task Every_category_change_gives_a_new_etag_and_a_later_updated_at()
    {
        var parent = await Client.CreateCategoryAsync("Parent " + Unique.Token());
        var id = await Client.CreateCategoryAsync("Tagged " + Unique.Token());
        var url = $"/api/v1/categories/{id}";
        object[] changes =
        [
            new { name = "Renamed " + Unique.Token() },
            new { parent_id = parent },
            new Dictionary<string, object?> { ["parent_id"] = null },
            new { name = "Again " + Unique.Token(), parent_id = parent },
        ];

        await AssertEveryChangeMovesAsync(url, changes.Select(change => (Func<Task<ApiResponse>>)(() => Client.ApiPatchAsync(url, change))));
    }

    [Theory]
    [InlineData("/api/v1/products")]
    [InlineData("/api/v1/categories")]
    public async Task A_stale_if_match_is_412_and_changes_nothing(string collection)
    {
        var url = await CreateAsync(collection);
        var stale = (await Client.ApiGetAsync(url)).ETag!;
        (await Client.ApiPatchAsync(url, Rename(collection))).AssertStatus(HttpStatusCode.OK);
        var current = await Client.ApiGetAsync(url);

        (await Client.ApiPatchAsync(url, Rename(collection), stale)).AssertProblem(HttpStatusCode.PreconditionFailed);
        (await Client.ApiDeleteAsync(url, stale)).AssertProblem(HttpStatusCode.PreconditionFailed);

        var after = await Client.ApiGetAsync(url);
        after.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(current.Body, after.Body);
        Assert.Equal(current.ETag, after.ETag);
    }

    [Theory]
    [InlineData("/api/v1/products")]
    [InlineData("/api/v1/categories")]
    public async Task Tags_that_cannot_match_are_412(string collection)
    {
        var url = await CreateAsync(collection);
        var etag = (await Client.ApiGetAsync(url)).ETag!;

        foreach (var tag in new[] { "W/" + etag, "\"0\"", "\"abc\"", "not-a-tag", "\"99\", \"98\"" })
        {
            (await Client.ApiPatchAsync(url, Rename(collection), tag)).AssertProblem(HttpStatusCode.PreconditionFailed);
        }

        Assert.Equal(etag, (await Client.ApiGetAsync(url)).ETag);
    }

    [Theory]
    [InlineData("/api/v1/products")]
    [InlineData("/api/v1/categories")]
    public async Task A_current_if_match_or_a_star_applies_the_change(string collection)
    {
        var url = await CreateAsync(collection);
        var etag = (await Client.ApiGetAsync(url)).ETag!;

        var patched = await Client.ApiPatchAsync(url, Rename(collection), etag);
        patched.AssertStatus(HttpStatusCode.OK);
        var listed = await Client.ApiPatchAsync(url, Rename(collection), "\"99\", " + patched.ETag);
        listed.AssertStatus(HttpStatusCode.OK);
        var starred = await Client.ApiPatchAsync(url, Rename(collection), "*");
        starred.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(4, new[] { etag, patched.ETag, listed.ETag, starred.ETag }.Distinct().Count());

        (await Client.ApiDeleteAsync(url, starred.ETag)).AssertStatus(HttpStatusCode.NoContent);
        (await Client.ApiGetAsync(url)).AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/products")]
    [InlineData("/api/v1/categories")]
    public async Task Delete_with_if_match_star_deletes(string collection)
    {
        var url = await CreateAsync(collection);
        (await Client.ApiDeleteAsync(url, "*")).AssertStatus(HttpStatusCode.NoContent);
        (await Client.ApiGetAsync(url)).AssertProblem(HttpStatusCode.NotFound);
    }

    private static object Rename(string collection) => collection.EndsWith("products", StringComparison.Ordinal)
        ? new { title = "Title " + Unique.Token() }
        : new { name = "Name " + Unique.Token() };

    private async Task<string> CreateAsync(string collection) => collection.EndsWith("products", StringComparison.Ordinal)
        ? $"{collection}/{(await Client.CreateProductAsync()).Id()}"
        : $"{collection}/{await Client.CreateCategoryAsync("Tagged " + Unique.Token())}";

    private async Task AssertEveryChangeMovesAsync(string url, IEnumerable<Func<Task<ApiResponse>>> changes)
    {
        var first = await Client.ApiGetAsync(url);
        var etags = new List<string> { first.ETag! };
        var createdAt = first.Json.Text("created_at");
        var updatedAt = Parse(first.Json.Text("updated_at"));
        foreach (var change in changes)
        {
            var response = await change();
            response.AssertStatus(HttpStatusCode.OK);
            var read = await Client.ApiGetAsync(url);
            Assert.Equal(response.ETag, read.ETag);
            Assert.DoesNotContain(read.ETag, etags);
            etags.Add(read.ETag!);
            var next = Parse(read.Json.Text("updated_at"));
            Assert.True(next > updatedAt, $"updated_at did not move forward: {updatedAt:O} then {next:O}");
            updatedAt = next;
            Assert.Equal(createdAt, read.Json.Text("created_at"));
        }
    }

    private static DateTimeOffset Parse(string timestamp) =>
        DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
