using System.Globalization;
using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;

namespace Commerce.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document as a referee: a response is described when its operation lists its status, its
/// body fits that status's schema and media type, and it carries the headers marked required. Checked on every
/// response the HTTP contract tests receive (<c>ApiClient</c>), so the document cannot drift from the code.
/// </summary>
public sealed class OpenApiContract
{
    public const string DocumentPath = "/swagger/v1/swagger.json";

    private static readonly SemaphoreSlim LoadGate = new(1, 1);
    private static OpenApiContract? _served;

    private readonly OpenApiDocument _document;
    // The settings object carries the standard format validators (date-time, ...); the parameterless
    // constructor would leave them out.
    private readonly JsonSchemaValidator _validator = new(new JsonSchemaValidatorSettings());

    private OpenApiContract(OpenApiDocument document)
    {
        _document = document;
        // The document lets clients ignore fields it does not name (responses may grow), but the server must not
        // send any it leaves out: here, for the checks only, our own schemas are closed. Problems stay open, since
        // RFC 9457 allows extension members.
        foreach (var (name, schema) in document.Components.Schemas)
        {
            if (name != "ProblemDetails" && schema.ActualProperties.Count > 0)
            {
                schema.AllowAdditionalProperties = false;
            }
        }
    }

    public string Json { get; private init; } = string.Empty;

    /// <summary>The document this catalog serves; read once, since every test host runs the same code.</summary>
    public static async Task<OpenApiContract> ServedAsync(HttpClient client)
    {
        await LoadGate.WaitAsync();
        try
        {
            if (_served is null)
            {
                using var response = await client.GetAsync(new Uri(DocumentPath, UriKind.Relative));
                var json = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"GET {DocumentPath} answered {(int)response.StatusCode}: {json}");
                _served = await ParseAsync(json);
            }

            return _served;
        }
        finally
        {
            LoadGate.Release();
        }
    }

    private static async Task<OpenApiContract> ParseAsync(string json) =>
        new(await OpenApiDocument.FromJsonAsync(json)) { Json = json };

    /// <returns>Everything about <paramref name="response"/> the document does not describe; empty when it describes it all.</returns>
    public IReadOnlyList<string> Check(ObservedResponse response)
    {
        // Health probes, metrics, the dashboard and this document are operations endpoints with tests of their
        // own; the document describes the REST API under /api.
        if (!response.Path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return [];
        }

        var path = OperationPaths.Match(_document, response.Path);
        var method = response.IsHead ? "get" : response.Method.ToLowerInvariant();
        if (path is null || !path.TryGetValue(method, out var operation))
        {
            // Routing's own answers, for a path or a method the API does not have: only a problem will do.
            var expected = path is null ? 404 : 405;
            return response.Status != expected ? [$"{response}: the document has no {method} operation there, so only {expected} is expected"]
                : response.IsHead ? []
                : CheckBody(response, "application/problem+json", _document.Components.Schemas["ProblemDetails"]);
        }

        if (!operation.ActualResponses.TryGetValue(response.Status.ToString(CultureInfo.InvariantCulture), out var documented))
        {
            return [$"{response}: {operation.OperationId} does not document {response.Status} (it documents {string.Join(", ", operation.ActualResponses.Keys)})"];
        }

        var errors = documented.ActualResponse.Headers
            .Where(header => header.Value.IsRequired && !response.HeaderNames.Contains(header.Key))
            .Select(header => $"{response}: the required header {header.Key} is missing")
            .ToList();
        var content = documented.ActualResponse.Content;
        if (content.Count == 0 || response.IsHead)
        {
            if (response.Body.Length > 0)
            {
                errors.Add($"{response}: the document describes no body, but one came: {response.Body}");
            }

            return errors;
        }

        var (mediaType, body) = content.First();
        errors.AddRange(CheckBody(response, mediaType, body.Schema));
        return errors;
    }

    private List<string> CheckBody(ObservedResponse response, string mediaType, JsonSchema schema)
    {
        if (response.MediaType != mediaType)
        {
            return [$"{response}: the document says {mediaType}, the response is {response.MediaType ?? "without a Content-Type"}"];
        }

        return [.. _validator.Validate(response.Body, schema.ActualSchema, SchemaType.OpenApi3)
            .Select(error => $"{response}: {error.Path} {error.Kind} (schema {error.Schema?.ToString() ?? "?"}) in {Shorten(response.Body)}")];
    }

    private static string Shorten(string body) => body.Length <= 400 ? body : body[..400] + "…";
}
