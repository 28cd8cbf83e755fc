using System.Net;

namespace Commerce.Tests.OpenApi;

/// <summary>What a test saw on the wire, in the terms the OpenAPI document speaks of.</summary>
public sealed record ObservedResponse(string Method, string Path, int Status, string? MediaType, IReadOnlySet<string> HeaderNames, string Body)
{
    public static ObservedResponse From(HttpResponseMessage response, string body)
    {
        var request = response.RequestMessage ?? throw new InvalidOperationException("The response has no request.");
        var names = response.Headers.Concat(response.Content.Headers).Select(header => header.Key);
        return new ObservedResponse(
            request.Method.Method,
            request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString.Split('?')[0],
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            new HashSet<string>(names, StringComparer.OrdinalIgnoreCase),
            body);
    }

    public bool IsHead => Method == HttpMethod.Head.Method;

    public ObservedResponse With(int status) => this with { Status = status };

    public override string ToString() => $"{Method} {Path} answered {Status}";

    public static ObservedResponse Of(HttpStatusCode status, string method, string path, string body, string? mediaType, params string[] headers) =>
        new(method, path, (int)status, mediaType, new HashSet<string>(headers, StringComparer.OrdinalIgnoreCase), body);
}
