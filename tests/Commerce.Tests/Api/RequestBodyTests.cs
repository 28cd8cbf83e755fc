using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Commerce.Tests.Api;

/// <summary>
/// How request bodies are judged as a whole: 400 only for a body that is not JSON (UTF-8) at all, 422 for JSON
/// that is not an object, 413 for a body over 1 MiB however it is sent whatever its declared content type.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class RequestBodyTests(CatalogApiFixture api)
{
    private const int MaxBody = 1024 * 1024;

    private HttpClient Client => api.Client;

    // Every malformed body row by row is a unit test of the reader (Rules/JsonBodyReaderTests); these show that all
    // four write endpoints read their bodies through it and answer with the status the contract names.
    [Theory]
    [InlineData("{")]
    [InlineData("")]
    public async Task A_body_that_is_not_json_is_400(string body)
    {
        foreach (var (method, url) in await WriteEndpointsAsync())
        {
            var response = await Client.SendAsync(method, url, body);
            response.AssertProblem(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_400()
    {
        // Each char stands for one byte, so the string can hold a byte sequence UTF-8 forbids.
        var bytes = new ByteArrayContent(Encoding.Latin1.GetBytes("{\"title\": \"Caf\xC3(\"}"));
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        (await Client.SendContentAsync(HttpMethod.Post, "/api/v1/products", bytes)).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Json_within_the_depth_limit_is_read_and_deeper_json_is_422_never_400()
    {
        var nested = new string('[', 40) + new string(']', 40);
        var ignored = ProductJson.Valid().ToJsonString()[..^1] + ",\"extra\": " + nested + "}";
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ignored)).AssertStatus(HttpStatusCode.Created);
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With("title", "[]")[..^1] + ",\"x\":" + nested + "}"))
            .AssertInvalid("title");

        var deep = new string('[', 1000) + new string(']', 1000);
        var tooDeep = await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.Valid().ToJsonString()[..^1] + ",\"extra\": " + deep + "}");
        Assert.Contains("nested deeper than 64 levels", tooDeep.AssertProblem(HttpStatusCode.UnprocessableEntity)["detail"]!.GetValue<string>());
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", deep)).AssertProblem(HttpStatusCode.UnprocessableEntity);
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", new string('[', 1000))).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Json_is_read_whatever_the_content_type_says()
    {
        var product = await Client.SendContentAsync(HttpMethod.Post, "/api/v1/products",
            new ByteArrayContent(Encoding.UTF8.GetBytes(ProductJson.Valid().ToJsonString())));
        product.AssertStatus(HttpStatusCode.Created);

        var merged = await Client.SendContentAsync(HttpMethod.Patch, product.Location!,
            new StringContent("""{"title": "Merged"}""", Encoding.UTF8, "application/merge-patch+json"));
        merged.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Merged", merged.Json.Text("title"));

        // curl -d sends form encoding by default; the API reads JSON bodies by their content, not their label.
        var plain = await Client.SendContentAsync(HttpMethod.Patch, product.Location!, new StringContent("""{"title": "Plain"}""", Encoding.UTF8, "application/x-www-form-urlencoded"));
        plain.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Plain", (await Client.ApiGetAsync(product.Location!)).Json.Text("title"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task Json_that_is_not_an_object_is_422(string body)
    {
        foreach (var (method, url) in await WriteEndpointsAsync())
        {
            (await Client.SendAsync(method, url, body)).AssertProblem(HttpStatusCode.UnprocessableEntity);
        }
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_413_with_or_without_a_content_length()
    {
        var json = Padded(ProductJson.Valid().ToJsonString(), MaxBody + 1);
        foreach (var (method, url) in await WriteEndpointsAsync())
        {
            (await Client.SendAsync(method, url, json)).AssertProblem(HttpStatusCode.RequestEntityTooLarge);
            (await Client.SendContentAsync(method, url, new UnsizedContent(Encoding.UTF8.GetBytes(json))))
                .AssertProblem(HttpStatusCode.RequestEntityTooLarge);
            (await Client.SendAsync(method, url, new string('x', 2 * MaxBody))).AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        }
    }

    [Fact]
    public async Task A_body_of_exactly_1_MiB_is_accepted()
    {
        var json = Padded(ProductJson.Valid().ToJsonString(), MaxBody);
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", json)).AssertStatus(HttpStatusCode.Created);
        (await Client.SendContentAsync(HttpMethod.Post, "/api/v1/products", new UnsizedContent(Encoding.UTF8.GetBytes(
            Padded(ProductJson.Valid().ToJsonString(), MaxBody))))).AssertStatus(HttpStatusCode.Created);
    }

    /// <summary>The four endpoints that read a body, with an existing resource where the URL needs one.</summary>
    private async Task<(HttpMethod Method, string Url)[]> WriteEndpointsAsync()
    {
        var product = (await Client.CreateProductAsync()).Id();
        var category = await Client.CreateCategoryAsync("Body " + Unique.Token());
        return
        [
            (HttpMethod.Post, "/api/v1/products"),
            (HttpMethod.Patch, $"/api/v1/products/{product}"),
            (HttpMethod.Post, "/api/v1/categories"),
            (HttpMethod.Patch, $"/api/v1/categories/{category}"),
        ];
    }

    /// <summary>Pads a JSON object with whitespace before its closing brace to exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string Padded(string json, int bytes) =>
        json[..^1] + new string(' ', bytes - Encoding.UTF8.GetByteCount(json)) + "}";

    /// <summary>A body sent without Content-Length (chunked), so the server cannot refuse it by its header alone.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
