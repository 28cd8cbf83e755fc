using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Commerce.WebApi.OpenApi;

/// <summary>
/// Changes may need the API key, reads never do. The key is optional (a server without one accepts anonymous
/// changes), so a change lists two alternatives: the key, or nothing.
/// </summary>
public sealed class ApiKeySecurityOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var method = context.ApiDescription.HttpMethod ?? string.Empty;
        var isChange = HttpMethods.IsPost(method) || HttpMethods.IsPatch(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method);
        var anonymous = new OpenApiSecurityRequirement();
        if (!isChange)
        {
            operation.Security = [anonymous];
            return;
        }

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySecurity.SchemeName, context.Document)] = [] },
            anonymous,
        ];
        var unauthorized = StandardResponsesOperationFilter.Problem(context);
        unauthorized.Description = ResponseDescriptions.ByStatus[StatusCodes.Status401Unauthorized];
        unauthorized.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["WWW-Authenticate"] = new OpenApiHeader
            {
                Description = "How to authenticate: `ApiKey header=\"X-Api-Key\"`.",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };
        operation.Responses ??= [];
        operation.Responses["401"] = unauthorized;
    }
}
