using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Commerce.Tests.Observability;

/// <summary>With Dashboard:Username and Dashboard:Password set, every dashboard endpoint needs them (HTTP basic auth).</summary>
public sealed class DashboardLoginTests
{
    [Fact]
    public async Task Dashboard_answers_401_without_the_login_and_200_with_it()
    {
        await using var catalog = await ObservedCatalog.StartAsync(new Dictionary<string, string>
        {
            ["Dashboard:Username"] = "operator",
            ["Dashboard:Password"] = "s3cret-pass",
        });

        foreach (var path in new[] { "/dashboard/", "/dashboard/index.min.js", "/dashboard/ClusterStats" })
        {
            using var anonymous = await catalog.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
            using var wrong = await SendAsync(catalog.Client, path, "operator:guess");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var page = await SendAsync(catalog.Client, "/dashboard/", "operator:s3cret-pass");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Orleans Dashboard", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var api = await SendAsync(catalog.Client, "/dashboard/ClusterStats", "operator:s3cret-pass");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        // The rest of the service keeps its own rules: the login is the dashboard's alone.
        using var health = await catalog.Client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return client.SendAsync(request);
    }
}
