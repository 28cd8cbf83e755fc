using System.Text.Json;
using System.Text.Unicode;
using Commerce.WebApi.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Commerce.WebApi.Json;

/// <summary>
/// Reads a request body as a JSON object. The body is read here rather than by model binding so that the
/// API's split holds exactly: 400 only for a body that is not JSON at all, 413 for one too large, 422 for
/// JSON that is not an object or repeats a field, and no 415 for a client that forgot its Content-Type.
/// </summary>
public sealed class JsonBodyReader(IOptions<CatalogApiOptions> options)
{
    /// <returns>The parsed object, or a problem to send back instead.</returns>
    public async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadObjectAsync(HttpRequest request)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return (null, ApiProblems.TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, ApiProblems.TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        // JSON text is UTF-8 (RFC 8259). The parser checks the encoding of a string only when it is read, so
        // without this a malformed name or value could pass as an unknown field or surface as a field error.
        if (!Utf8.IsValid(bytes.Span))
        {
            return (null, ApiProblems.NotUtf8());
        }

        JsonDocument document;
        var maxDepth = options.Value.MaxJsonDepth;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException ex)
        {
            // Too deep is still JSON, so it is 422 rather than the 400 the contract keeps for non-JSON.
            return (null, IsJsonNestedDeeperThan(bytes.Span)
                ? ApiProblems.Unprocessable($"The request body is nested deeper than {maxDepth} levels.")
                : ApiProblems.MalformedJson(ex));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind.ToString().ToLowerInvariant();
            document.Dispose();
            return (null, ApiProblems.Unprocessable($"The request body must be a JSON object, not {kind}."));
        }

        if (DuplicateFields.Find(document.RootElement) is { } repeated)
        {
            document.Dispose();
            return (null, ApiProblems.Invalid(
                new Dictionary<string, string[]> { [repeated] = ["is given more than once."] }, "The request body gives a field more than once."));
        }

        return (document, null);
    }

    /// <summary>True when the body is well-formed JSON once the depth limit is lifted (the reader is not recursive).</summary>
    private static bool IsJsonNestedDeeperThan(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
