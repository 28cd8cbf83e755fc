using System.Net;
using System.Text;

namespace Commerce.Tests.Hardening;

/// <summary>A raw response with the headers the fault tests look at.</summary>
public sealed record Probe(HttpStatusCode Status, string? MediaType, string? RetryAfter, string Body)
{
    public static async Task<Probe> SendAsync(HttpClient client, HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return new Probe(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            response.Headers.RetryAfter?.ToString(), await response.Content.ReadAsStringAsync());
    }

    public void AssertUnavailable(string what)
    {
        Assert.True(Status == HttpStatusCode.ServiceUnavailable, $"{what}: expected 503, got {(int)Status}: {Body}");
        Assert.Equal("application/problem+json", MediaType);
        Assert.False(string.IsNullOrEmpty(RetryAfter), $"{what}: no Retry-After");
    }
}
