using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Commerce.Tests.Api;

/// <summary>Health probes and the API documentation.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class OperationsTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_probes_answer_200_when_the_node_is_up(string path)
    {
        var response = await Client.ApiGetAsync(path);
        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Healthy", response.Body);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_catalog_endpoints()
    {
        var response = await Client.ApiGetAsync("/swagger/v1/swagger.json");

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/json", response.ContentType?.MediaType);
        var paths = response.Json["paths"]!.AsObject();
        foreach (var path in new[] { "/api/v1/products", "/api/v1/products/{id}", "/api/v1/products/search", "/api/v1/categories", "/api/v1/categories/{id}" })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is not documented: {string.Join(", ", paths.Select(p => p.Key))}");
        }

        var product = paths["/api/v1/products/{id}"]!.AsObject();
        foreach (var method in new[] { "get", "patch", "delete" })
        {
            Assert.True(product.ContainsKey(method), $"{method} /api/v1/products/{{id}} is not documented");
        }

        Assert.True(paths["/api/v1/products"]!["post"] is JsonObject);
    }

    [Fact]
    public async Task The_swagger_ui_is_served()
    {
        using var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/swagger", UriKind.Relative));

        var page = response;
        using var redirected = response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.TemporaryRedirect
            ? await client.GetAsync(new Uri(new Uri("http://localhost/swagger"), response.Headers.Location!))
            : null;
        if (redirected is not null)
        {
            Assert.EndsWith("index.html", response.Headers.Location!.ToString(), StringComparison.Ordinal);
            page = redirected;
        }

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
