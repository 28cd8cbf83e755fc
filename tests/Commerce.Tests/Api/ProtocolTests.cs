using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commerce.Tests.Api;

/// <summary>
/// Protocol-level answers: ids in the path that name nothing are 404 (never 400 or 500), unknown routes and
/// methods are problems too, no problem reveals internals, and the real server's limits match the contract.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class ProtocolTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public void The_server_accepts_request_lines_of_64_KiB_and_bodies_of_1_MiB()
    {
        // The test server has no such limits, so this checks what the real server (Kestrel) is given.
        var limits = api.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        Assert.True(limits.MaxRequestLineSize >= 64 * 1024, $"request lines are limited to {limits.MaxRequestLineSize} bytes");
        Assert.Equal(1024 * 1024, limits.MaxRequestBodySize);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    [InlineData("9223372036854775808")]
    [InlineData("9223372036854775807")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1e3")]
    [InlineData("%20")]
    [InlineData("0x10")]
    public async Task A_path_id_that_names_nothing_is_404(string id)
    {
        foreach (var collection in new[] { "/api/v1/products", "/api/v1/categories" })
        {
            var body = collection.EndsWith("products", StringComparison.Ordinal) ? ProductJson.Valid().ToJsonString() : """{"name": "x"}""";
            (await Client.ApiGetAsync($"{collection}/{id}")).AssertProblem(HttpStatusCode.NotFound);
            (await Client.SendAsync(HttpMethod.Patch, $"{collection}/{id}", body)).AssertProblem(HttpStatusCode.NotFound);
            (await Client.ApiDeleteAsync($"{collection}/{id}")).AssertProblem(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Unknown_routes_and_methods_are_problems_too()
    {
        (await Client.ApiGetAsync("/api/v1/nothing-here")).AssertProblem(HttpStatusCode.NotFound);
        (await Client.SendAsync(HttpMethod.Put, "/api/v1/products/1", "{}")).AssertProblem(HttpStatusCode.MethodNotAllowed);
        (await Client.SendAsync(HttpMethod.Delete, "/api/v1/products", null)).AssertProblem(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Problems_never_carry_stack_traces_or_database_internals()
    {
        var product = await Client.CreateProductAsync();
        var responses = new[]
        {
            await Client.SendAsync(HttpMethod.Post, "/api/v1/products", "{"),
            await Client.SendAsync(HttpMethod.Post, "/api/v1/products", "[]"),
            await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With("price", "true")),
            await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With("category_id", "987654321987")),
            await Client.SendAsync(HttpMethod.Post, "/api/v1/products", ProductJson.With("sku", $"\"{product.Text("sku")}\"")),
            await Client.ApiPatchAsync($"/api/v1/products/{product.Id()}", new { title = "x" }, "\"99\""),
            await Client.ApiGetAsync("/api/v1/products/abc"),
            await Client.ApiGetAsync("/api/v1/products?limit=0"),
        };

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound,
             HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity],
            responses.Select(r => r.Status));
        foreach (var response in responses)
        {
            response.AssertProblem(response.Status);
            foreach (var leak in new[] { "   at ", "Exception", "Npgsql", "SQLSTATE", "stackTrace", ".cs:line" })
            {
                Assert.DoesNotContain(leak, response.Body, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
