using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Commerce.Tests.OpenApi;

/// <summary>
/// How the typed client in Generated/ is made from the served document (NSwag): one <c>CatalogClient</c> with a
/// method per operationId, System.Text.Json, nullable reference types, responses with their headers, problems as
/// typed exceptions.
/// </summary>
public static class CatalogClientGeneration
{
    public const string RelativePath = "tests/Commerce.Tests/OpenApi/Generated/CatalogClient.g.cs";

    /// <summary>Set to 1 to rewrite the committed client from the served document instead of comparing them.</summary>
    public const string UpdateVariable = "UPDATE_OPENAPI_CLIENT";

    public static async Task<string> GenerateAsync(string documentJson)
    {
        var document = await OpenApiDocument.FromJsonAsync(documentJson);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "CatalogClient",
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            // The tests hand it an HttpClient that already knows the catalog's address.
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
            ExceptionClass = "CatalogApiException",
            // Responses with their headers: a client needs the ETag of what it read to change it with If-Match.
            WrapResponses = true,
            ResponseClass = "CatalogResponse",
        };
        settings.CSharpGeneratorSettings.Namespace = "Commerce.Tests.OpenApi.Generated";
        settings.CSharpGeneratorSettings.JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson;
        settings.CSharpGeneratorSettings.GenerateNullableReferenceTypes = true;
        settings.CSharpGeneratorSettings.GenerateOptionalPropertiesAsNullable = true;
        return Normalize(new CSharpClientGenerator(document, settings).GenerateFile());
    }

    /// <summary>Line endings as git stores them, so a checkout on any system compares equal.</summary>
    public static string Normalize(string code) => code.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
