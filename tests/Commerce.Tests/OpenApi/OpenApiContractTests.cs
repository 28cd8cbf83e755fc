using System.Net;
using Commerce.Tests.Api;

namespace Commerce.Tests.OpenApi;

/// <summary>
/// The referee that checks every contract test's responses against the served document must itself refuse
/// what the document does not describe: an unlisted status, a field too many or of the wrong type, a missing
/// ETag, a body where none belongs.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class OpenApiContractTests(CatalogApiFixture api)
{
    private const string Product = """
        {"id": 7, "title": "T", "description": "D", "image_url": null, "sku": "SKU-1", "price": "10.00", "category_id": null,
         "created_at": "2026-03-12T10:20:30.123456Z", "updated_at": "2026-03-12T10:20:30.123456Z",
         "stock": {"on_hand": 3, "reserved": 1, "available": 2}, "available": 2}
        """;

    private const string Problem = """{"type": "https://tools.ietf.org/html/rfc9110#section-15.5.5", "title": "Not Found", "status": 404, "detail": "Nothing here."}""";

    public static TheoryData<string, ObservedResponse> Undescribed => new()
    {
        { "does not document 418", Get(HttpStatusCode.OK, Product).With(status: 418) },
        { "ETag", Get(HttpStatusCode.OK, Product) with { HeaderNames = new HashSet<string>() } },
        { "level", Get(HttpStatusCode.OK, Product.Replace("\"id\": 7", "\"id\": 7, \"level\": 1", StringComparison.Ordinal)) },
        { "price", Get(HttpStatusCode.OK, Product.Replace("\"10.00\"", "10", StringComparison.Ordinal)) },
        { "price", Get(HttpStatusCode.OK, Product.Replace("\"10.00\"", "\"10.5\"", StringComparison.Ordinal)) },
        { "title", Get(HttpStatusCode.OK, Product.Replace("\"T\"", "null", StringComparison.Ordinal)) },
        { "created_at", Get(HttpStatusCode.OK, Product.Replace("\"2026-03-12T10:20:30.123456Z\",", "\"yesterday\",", StringComparison.Ordinal)) },
        { "application/json", Get(HttpStatusCode.NotFound, Problem) with { MediaType = "application/json" } },
        { "detail", Get(HttpStatusCode.NotFound, Problem.Replace(", \"detail\": \"Nothing here.\"", "", StringComparison.Ordinal)) with { MediaType = "application/problem+json" } },
        { "describes no body", ObservedResponse.Of(HttpStatusCode.NoContent, "DELETE", "/api/v1/products/7", "{}", "application/json") },
        { "only 404", ObservedResponse.Of(HttpStatusCode.OK, "GET", "/api/v1/nowhere", "{}", "application/json") },
        { "only 405", ObservedResponse.Of(HttpStatusCode.OK, "PUT", "/api/v1/products/7", Product, "application/json", "ETag") },
        { "Retry-After", ObservedResponse.Of(HttpStatusCode.ServiceUnavailable, "GET", "/api/v1/products/search", Problem.Replace("404", "503", StringComparison.Ordinal), "application/problem+json") },
    };

    [Theory]
    [MemberData(nameof(Undescribed))]
    public async Task A_response_the_document_does_not_describe_is_refused(string what, ObservedResponse response)
    {
        var problems = (await OpenApiContract.ServedAsync(api.Client)).Check(response);

        Assert.True(problems.Count > 0, $"{what}: {response} was accepted");
        Assert.Contains(problems, problem => problem.Contains(what, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Described_responses_pass()
    {
        var contract = await OpenApiContract.ServedAsync(api.Client);

        Assert.Empty(contract.Check(Get(HttpStatusCode.OK, Product)));
        Assert.Empty(contract.Check(Get(HttpStatusCode.OK, "") with { Method = "HEAD" }));
        Assert.Empty(contract.Check(Get(HttpStatusCode.NotFound, Problem) with { MediaType = "application/problem+json" }));
        Assert.Empty(contract.Check(ObservedResponse.Of(HttpStatusCode.MethodNotAllowed, "PUT", "/api/v1/products/7", Problem.Replace("404", "405", StringComparison.Ordinal), "application/problem+json")));
        Assert.Empty(contract.Check(ObservedResponse.Of(HttpStatusCode.OK, "GET", "/health/live", "Healthy", "text/plain")));
    }

    /// <summary>A GET of a product; a 200 carries its ETag unless told otherwise, so each case breaks one thing only.</summary>
    private static ObservedResponse Get(HttpStatusCode status, string body, params string[] headers) =>
        ObservedResponse.Of(status, "GET", "/api/v1/products/7", body, "application/json", status == HttpStatusCode.OK && headers.Length == 0 ? ["ETag"] : headers);
}
