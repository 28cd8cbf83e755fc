using System.Net;
using System.Text.Json;

namespace Commerce.Tests.Api;

/// <summary><c>image_url</c>: null or an absolute http(s) URL with a host, at most 2083 characters, returned exactly as sent.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class ImageUrlTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    // Every accepted and refused URL is a unit test of the rule (Rules/ImageUrlRulesTests); these show it end to end.
    [Theory]
    [InlineData("HTTPS://Example.COM/Img%20One.PNG?size=Large&x=%7E#Top")]
    [InlineData("https://cdn.example.com:8443/a/../b/./c.png")]
    [InlineData("https://пример.рф/картинка.png")]
    public async Task Absolute_http_urls_are_returned_exactly_as_sent(string url)
    {
        var response = await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With("image_url", JsonSerializer.Serialize(url)));

        response.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(url, response.Json.Text("image_url"));
        Assert.Equal(url, (await Client.ApiGetAsync(response.Location!)).Json.Text("image_url"));
    }

    [Theory]
    [InlineData("", "must be an absolute http or https URL, or null.")]
    [InlineData("javascript:alert(1)", "must be an absolute http or https URL with a host.")]
    public async Task Other_urls_are_422(string url, string message)
    {
        var problem = (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With("image_url", JsonSerializer.Serialize(url))))
            .AssertProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([message], problem["errors"]!["image_url"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task Urls_may_have_2083_characters_but_not_2084()
    {
        const string Prefix = "https://example.com/";
        var longest = Prefix + new string('a', 2083 - Prefix.Length);
        var created = await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With("image_url", JsonSerializer.Serialize(longest)));
        created.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(longest, created.Json.Text("image_url"));

        var tooLong = longest + "a";
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With("image_url", JsonSerializer.Serialize(tooLong)))).AssertInvalid("image_url");
    }

    [Fact]
    public async Task An_empty_url_in_a_patch_is_422_and_keeps_the_old_one()
    {
        var id = (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With("image_url", "\"https://example.com/keep.png\""))).Json.Id();

        (await Client.ApiPatchAsync($"/api/v1/products/{id}", new { image_url = "" })).AssertInvalid("image_url");
        (await Client.ApiPatchAsync($"/api/v1/products/{id}", new { image_url = "ftp://example.com/x" })).AssertInvalid("image_url");

        Assert.Equal("https://example.com/keep.png", (await Client.ApiGetAsync($"/api/v1/products/{id}")).Json.Text("image_url"));
    }
}
