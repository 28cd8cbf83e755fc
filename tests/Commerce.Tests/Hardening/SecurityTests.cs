using System.Net;
using System.Text;
using Commerce.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Commerce.Tests.Hardening;

/// <summary>Security basics: headers everywhere, no internals in errors, optional API key for writes, optional rate limit.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class SecurityTests(CatalogApiFixture api)
{
    private static readonly string[] Internals = ["   at ", "Exception", "Npgsql", "SELECT ", "INSERT ", " WHERE ", "stack", ".cs:line"];

    [Theory]
    [InlineData("/api/v1/products")]
    [InlineData("/api/v1/products/abc")]
    [InlineData("/api/v1/nowhere")]
    [InlineData("/health/live")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await api.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swagger_ui_gets_a_policy_that_lets_it_load_its_scripts()
    {
        using var response = await api.Client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_bodies_reveal_no_stack_traces_or_sql()
    {
        var bodies = new List<string>
        {
            (await api.Client.SendAsync(HttpMethod.Post, "/api/v1/products", "{\"title\":")).Body,
            (await api.Client.SendAsync(HttpMethod.Post, "/api/v1/products", "{\"title\":\"\\uD800\",\"price\":\"1e400\"}")).Body,
            (await api.Client.SendAsync(HttpMethod.Put, "/api/v1/products/1", "{}")).Body,
            (await api.Client.ApiGetAsync("/api/v1/products/search?q=%27%20OR%201%3D1&min_price=abc")).Body,
            (await api.Client.ApiGetAsync("/api/v1/categories/99999999999999")).Body,
        };

        await using var catalog = await IsolatedCatalog.StartAsync(settings: new Dictionary<string, string>
        {
            ["Database:MaxPoolSize"] = "1", ["Database:ConnectionTimeout"] = "00:00:01",
        });
        await using (var held = await catalog.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        {
            var unavailable = await Probe.SendAsync(catalog.Client, HttpMethod.Get, "/api/v1/products/search?q=x");
            unavailable.AssertUnavailable("search on an exhausted pool");
            bodies.Add(unavailable.Body);
        }

        Assert.All(bodies, body => Assert.All(Internals, secret => Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task With_an_api_key_writes_need_it_and_reads_stay_open()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: new Dictionary<string, string> { ["Security:ApiKey"] = "s3cret-key" });
        var client = catalog.Client;
        var body = $"{{\"name\":\"Keyed {Unique.Token()}\"}}";

        (await client.SendAsync(HttpMethod.Post, "/api/v1/categories", body)).AssertProblem(HttpStatusCode.Unauthorized);
        using (var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/v1/categories") { Content = new StringContent(body, Encoding.UTF8, "application/json") })
        {
            wrong.Headers.Add("X-Api-Key", "s3cret-kez");
            using var response = await client.SendAsync(wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        client.DefaultRequestHeaders.Add("X-Api-Key", "s3cret-key");
        var created = await client.SendAsync(HttpMethod.Post, "/api/v1/categories", body);
        created.AssertStatus(HttpStatusCode.Created);
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        (await client.ApiGetAsync($"/api/v1/categories/{created.Json.Id()}")).AssertStatus(HttpStatusCode.OK);
        (await client.ApiGetAsync("/api/v1/products/search")).AssertStatus(HttpStatusCode.OK);
        (await client.ApiDeleteAsync($"/api/v1/categories/{created.Json.Id()}")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Beyond_the_rate_limit_clients_get_429_with_retry_after()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: new Dictionary<string, string> { ["RateLimiting:PermitsPerSecond"] = "5" });
        var probes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Probe.SendAsync(catalog.Client, HttpMethod.Get, "/api/v1/products")));

        Assert.InRange(probes.Count(p => p.Status == HttpStatusCode.OK), 5, 10);
        var limited = probes.Where(p => p.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, p =>
        {
            Assert.Equal("application/problem+json", p.MediaType);
            Assert.False(string.IsNullOrEmpty(p.RetryAfter));
        });
        Assert.Equal(HttpStatusCode.OK, (await Probe.SendAsync(catalog.Client, HttpMethod.Get, "/health/live")).Status);
    }
}
