using System.Net;
using Commerce.Tests.Api;
using FsCheck;
using FsCheck.Fluent;
using static Commerce.Tests.Hardening.HostileGenerators;

namespace Commerce.Tests.Hardening;

/// <summary>
/// Property-based hostile input against the product endpoints: every generated request has at least one field
/// that must be refused, carries a unique marker, and must get a 4xx problem with nothing stored.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class HostileProductTests(CatalogApiFixture api)
{
    private const int Cases = 60;
    private static readonly string[] Fields = ["title", "description", "sku", "price", "category_id"];

    private HttpClient Client => api.Client;

    /// <summary>A product body with one hostile field; the marker sits in a field that is itself valid.</summary>
    private static Gen<(string Field, string Json, string Marker)> HostileProduct(bool allFields) =>
        from field in Gen.Elements(Fields)
        from bad in field switch
        {
            "title" => BadText(255),
            "description" => BadDescription(),
            "sku" => BadSku(),
            "price" => BadPrice(),
            _ => BadId(),
        }
        from odd in Gen.Elements(OddText)
        from order in Gen.Shuffle(Fields)
        select Build(field, bad, odd, order, allFields);

    private static (string, string, string) Build(string hostile, string bad, string odd, IEnumerable<string> order, bool allFields)
    {
        var marker = Refusals.Marker();
        var valid = new Dictionary<string, string>
        {
            ["title"] = Literal($"{marker} {odd}"),
            ["description"] = Literal($"{marker} {odd}"),
            ["sku"] = Literal(hostile == "title" ? marker : "H-" + Guid.NewGuid().ToString("N")[..20]),
            ["price"] = "\"12.50\"",
            ["category_id"] = "null",
        };
        var fields = order.Where(f => allFields || f == hostile || f == "title" || f == "sku")
            .Select(f => (f, f == hostile ? bad : valid[f]));
        return (hostile, JsonObject(fields), marker);
    }

    [Fact]
    public async Task Hostile_creates_are_refused_and_store_nothing()
    {
        var tried = 0;
        await Refusals.CheckAsync(HostileProduct(allFields: true), Cases, async input =>
        {
            var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/products", input.Json);
            Refusals.AssertRefused(response, $"POST with bad {input.Field} {Refusals.Shorten(input.Json)}");
            var search = await Client.ApiGetAsync($"/api/v1/products/search?q={input.Marker}");
            Assert.Equal(0, search.Json["total"]!.GetValue<long>());
            Assert.Equal(0, await Refusals.StoredRowsWithAsync(input.Marker));
            Interlocked.Increment(ref tried);
        });

        Assert.Equal(Cases, tried);
    }

    [Fact]
    public async Task Hostile_patches_are_refused_and_leave_the_product_as_it_was()
    {
        var product = await Client.CreateProductAsync();
        var url = $"/api/v1/products/{product.Id()}";
        var before = await Client.ApiGetAsync(url);

        await Refusals.CheckAsync(HostileProduct(allFields: false), Cases, async input =>
        {
            var response = await Client.SendAsync(HttpMethod.Patch, url, input.Json);
            Refusals.AssertRefused(response, $"PATCH with bad {input.Field} {Refusals.Shorten(input.Json)}");
            var after = await Client.ApiGetAsync(url);
            Assert.Equal(before.ETag, after.ETag);
            Assert.Equal(before.Body, after.Body);
            Assert.Equal(0, await Refusals.StoredRowsWithAsync(input.Marker));
        });
    }

    [Fact]
    public async Task Bodies_that_are_not_json_objects_are_refused()
    {
        var product = await Client.CreateProductAsync();
        var garbage = Gen.OneOf(
            Gen.Elements("", "{", "{\"title\":}", "[]", "42", "null", "\"text\"", "true", "{\"a\":1}{", "\uFEFF{}x", "{'title':'x'}",
                "{\"title\":\"a\",}", "NaN", "{\"price\": NaN}", "{\"price\": Infinity}", "{\"title\": \"\\x\"}", "{\"title\": \"\\u12\"}"),
            DeepNesting(),
            DeepNesting().Select(array => "{\"title\":" + array + "}"));
        await Refusals.CheckAsync(Gen.Zip(garbage, Gen.Elements("POST", "PATCH")), 40, async input =>
        {
            var (body, method) = input;
            var response = method == "POST"
                ? await Client.SendAsync(HttpMethod.Post, "/api/v1/products", body)
                : await Client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{product.Id()}", body);
            Refusals.AssertRefused(response, $"{method} {Refusals.Shorten(body)}");
        });

        var after = await Client.ApiGetAsync($"/api/v1/products/{product.Id()}");
        after.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("\"1\"", after.ETag);
    }
}
