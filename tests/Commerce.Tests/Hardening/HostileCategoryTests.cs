using Commerce.Tests.Api;
using FsCheck;
using FsCheck.Fluent;
using static Commerce.Tests.Hardening.HostileGenerators;

namespace Commerce.Tests.Hardening;

/// <summary>Property-based hostile input against the category endpoints: a 4xx problem, and nothing stored.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class HostileCategoryTests(CatalogApiFixture api)
{
    private const int Cases = 60;

    private HttpClient Client => api.Client;

    /// <summary>A body whose name or parent_id must be refused; the marker is in the name, hostile or not.</summary>
    private static Gen<(string Json, string Marker)> HostileCategory(long parent) =>
        from hostileName in Gen.Elements(true, false)
        from badName in Gen.OneOf(
            BadText(255),
            Gen.Elements("\\u0001", "\\u0000", "\\uD800", "\\t", "\\n", "\\u009F").Select(c => "\"x" + c + "{M}" + "\""),
            Gen.Choose(256, 400).Select(n => "\"{M}" + new string('n', n) + "\""))
        from badParent in BadId()
        from odd in Gen.Elements(OddText)
        select Build(hostileName, badName, badParent, odd, parent);

    private static (string, string) Build(bool hostileName, string badName, string badParent, string odd, long parent)
    {
        var marker = Refusals.Marker();
        var json = hostileName
            ? JsonObject([("name", badName.Replace("{M}", marker, StringComparison.Ordinal)), ("parent_id", parent.ToString(System.Globalization.CultureInfo.InvariantCulture))])
            : JsonObject([("name", Literal($"{marker} {odd}")), ("parent_id", badParent)]);
        return (json, marker);
    }

    [Fact]
    public async Task Hostile_creates_are_refused_and_store_nothing()
    {
        var parent = await Client.CreateCategoryAsync("Hostile parent " + Unique.Token());
        await Refusals.CheckAsync(HostileCategory(parent), Cases, async input =>
        {
            var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/categories", input.Json);
            Refusals.AssertRefused(response, "POST category " + Refusals.Shorten(input.Json));
            Assert.Equal(0, await Refusals.StoredRowsWithAsync(input.Marker));
        });

        var children = await Client.ApiGetAsync($"/api/v1/categories?parent_id={parent}");
        Assert.Equal(0, children.Json["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Hostile_patches_are_refused_and_leave_the_category_as_it_was()
    {
        var parent = await Client.CreateCategoryAsync("Hostile parent " + Unique.Token());
        var child = await Client.CreateCategoryAsync("Hostile child " + Unique.Token(), parent);
        var url = $"/api/v1/categories/{child}";
        var before = await Client.ApiGetAsync(url);

        await Refusals.CheckAsync(HostileCategory(parent), Cases, async input =>
        {
            var response = await Client.SendAsync(HttpMethod.Patch, url, input.Json);
            Refusals.AssertRefused(response, "PATCH category " + Refusals.Shorten(input.Json));
            var after = await Client.ApiGetAsync(url);
            Assert.Equal(before.ETag, after.ETag);
            Assert.Equal(before.Body, after.Body);
            Assert.Equal(0, await Refusals.StoredRowsWithAsync(input.Marker));
        });
    }
}
