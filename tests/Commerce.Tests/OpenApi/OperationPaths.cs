using NSwag;

namespace Commerce.Tests.OpenApi;

/// <summary>Finds the documented path a request went to, as ASP.NET routing does: literal segments win over parameters.</summary>
public static class OperationPaths
{
    public static OpenApiPathItem? Match(OpenApiDocument document, string requestPath)
    {
        var segments = Segments(requestPath);
        return document.Paths
            .Select(path => (Item: path.Value, Segments: Segments(path.Key)))
            .Where(path => path.Segments.Length == segments.Length
                && path.Segments.Zip(segments).All(pair => IsParameter(pair.First) || string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(path => path.Segments.Count(IsParameter))
            .Select(path => path.Item)
            .FirstOrDefault();
    }

    private static string[] Segments(string path) => path.Trim('/').Split('/');

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}
