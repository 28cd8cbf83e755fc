using Commerce.Tests.Api;
using FsCheck;
using FsCheck.Fluent;
using static Commerce.Tests.Hardening.HostileGenerators;

namespace Commerce.Tests.Hardening;

/// <summary>Property-based odd path ids and query strings on every route: never a 5xx, errors are problem details.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class HostileUrlTests(CatalogApiFixture api)
{
    private static readonly string[] Resources = ["products", "categories"];

    private HttpClient Client => api.Client;

    [Fact]
    public async Task Ids_that_name_nothing_are_404_or_422_for_every_method()
    {
        var gen = from id in BadPathId()
                  from resource in Gen.Elements(Resources)
                  from method in Gen.Elements("GET", "PATCH", "DELETE")
                  select (id, resource, method);
        await Refusals.CheckAsync(gen, 80, async input =>
        {
            var (id, resource, method) = input;
            var url = $"/api/v1/{resource}/{id}";
            var response = method switch
            {
                "GET" => await Client.ApiGetAsync(url),
                "PATCH" => await Client.SendAsync(HttpMethod.Patch, url, "{\"name\":\"x\",\"title\":\"x\"}"),
                _ => await Client.ApiDeleteAsync(url),
            };
            Refusals.AssertRefused(response, $"{method} {Refusals.Shorten(url)}");
            Assert.True((int)response.Status is 404 or 422, $"{method} {Refusals.Shorten(url)}: {(int)response.Status}");
        });
    }

    [Fact]
    public async Task Odd_query_strings_never_give_a_5xx_and_never_match_what_was_never_stored()
    {
        var parameters = new[] { "q", "min_price", "max_price", "category_id", "limit", "offset", "parent_id", "x" };
        var paths = new[] { "/api/v1/products/search", "/api/v1/products", "/api/v1/categories" };
        var gen = from path in Gen.Elements(paths)
                  from pairs in Gen.ListOf(Gen.Zip(Gen.Elements(parameters), OddQueryValue())).Select(l => l.Take(4).ToArray())
                  from repeat in Gen.Elements(false, false, true)
                  select (path, pairs, repeat);
        await Refusals.CheckAsync(gen, 80, async input =>
        {
            var (path, pairs, repeat) = input;
            var query = string.Join('&', pairs.Select(p => p.Item1 + "=" + p.Item2).Concat(repeat ? ["limit=1", "limit=2"] : []));
            var url = path + "?" + query;
            var json = Refusals.AssertNotServerError(await Client.ApiGetAsync(url), Refusals.Shorten(url));
            if (json is not null)
            {
                Assert.NotNull(json["items"]);
                Assert.True(json["total"]!.GetValue<long>() >= 0);
            }
        });
    }

    [Fact]
    public async Task Sql_and_wildcard_searches_are_literal()
    {
        var marker = Refusals.Marker();
        await Refusals.CheckAsync(Gen.Elements(OddText), 40, async odd =>
        {
            var url = "/api/v1/products/search?q=" + Uri.EscapeDataString(marker + odd);
            var response = await Client.ApiGetAsync(url);
            var json = Refusals.AssertNotServerError(response, url);
            if (json is not null)
            {
                Assert.Equal(0, json["total"]!.GetValue<long>());
            }
        });

        var stored = await Client.CreateProductAsync(title: $"{marker} 100% _real_ \\ thing");
        var literal = await Client.ApiGetAsync("/api/v1/products/search?q=" + Uri.EscapeDataString("100% _real_ \\"));
        Assert.Contains(literal.Json["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == stored.Id());
        var wildcard = await Client.ApiGetAsync("/api/v1/products/search?q=" + Uri.EscapeDataString(marker + "%"));
        Assert.Equal(0, wildcard.Json["total"]!.GetValue<long>());
    }
}
