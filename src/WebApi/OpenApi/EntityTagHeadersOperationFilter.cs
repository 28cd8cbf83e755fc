using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Commerce.WebApi.OpenApi;

/// <summary>
/// Conditional requests: every single product or category in a response comes with its <c>ETag</c>, every create
/// (201) with <c>Location</c>, and PATCH and DELETE take <c>If-Match</c>.
/// </summary>
public sealed class EntityTagHeadersOperationFilter : IOperationFilter
{
    private static readonly HashSet<string> SingleResources = ["Product", "Category"];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            if (status == "201")
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["Location"] = Header("The path of the new resource.", "/api/v1/products/42");
            }

            if (ReturnsSingleResource(concrete))
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["ETag"] = Header(
                    "The version of the resource as a strong entity tag; send it in `If-Match` to change only this version.", "\"3\"");
            }
        }

        // Products and categories take If-Match; a cart line's DELETE does not (a cart has no ETag).
        var method = context.ApiDescription.HttpMethod;
        var versioned = context.ApiDescription.RelativePath is "api/v1/products/{id}" or "api/v1/categories/{id}";
        if (versioned && (HttpMethods.IsPatch(method ?? string.Empty) || HttpMethods.IsDelete(method ?? string.Empty)))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "Change only if the current `ETag` is one of these tags (`*`: any existing resource); otherwise 412 " +
                    "and nothing changes. Comparison is strong (RFC 9110): weak (`W/`) and malformed tags never match.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = "\"3\"",
            });
        }
    }

    private static bool ReturnsSingleResource(OpenApiResponse response) =>
        response.Content?.TryGetValue("application/json", out var json) == true
        && json?.Schema is OpenApiSchemaReference { Reference.Id: { } id }
        && SingleResources.Contains(id);

    private static OpenApiHeader Header(string description, string example) => new()
    {
        Description = description,
        Required = true,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = example,
    };
}
