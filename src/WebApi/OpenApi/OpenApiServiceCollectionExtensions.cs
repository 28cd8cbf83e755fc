using Commerce.WebApi.Json;
using Microsoft.OpenApi;

namespace Commerce.WebApi.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/swagger/v1/swagger.json</c>. Swashbuckle describes what the endpoints declare
/// (names, bodies, problem statuses); the filters here add what it cannot see: parameters that are read by
/// hand, headers, the optional API key, examples, and the exact wire rules of the schemas.
/// </summary>
public static class OpenApiServiceCollectionExtensions
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddCatalogOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Commerce catalog API",
                Version = "v1",
                Description = "Products and a category tree for a shop. JSON in and out, snake_case fields, ids are 64-bit integers, " +
                    "timestamps are UTC. Errors are RFC 9457 problem details. Every single resource carries an `ETag`; " +
                    "PATCH and DELETE honour `If-Match`. The full contract is docs/API.md in the repository.",
            });
            // Relative, so the document is right wherever the catalog runs: clients call the host that served it.
            swagger.AddServer(new OpenApiServer { Url = "/", Description = "The catalog that serves this document" });
            // HEAD answers like GET without a body (RFC 9110); describing it too would double every read in a generated client.
            // Only the REST contract (the dashboard's pages and assets are endpoints too), and no HEAD twins.
            swagger.DocInclusionPredicate((_, api) => !HttpMethods.IsHead(api.HttpMethod ?? string.Empty)
                && api.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);
            swagger.CustomSchemaIds(SchemaIds.For);
            swagger.SupportNonNullableReferenceTypes();
            swagger.MapType<PriceInput>(PriceSchemas.Input);
            swagger.AddSecurityDefinition(ApiKeySecurity.SchemeName, ApiKeySecurity.Scheme());
            swagger.SchemaFilter<WireSchemaFilter>();
            swagger.SchemaFilter<ProblemDetailsSchemaFilter>();
            swagger.OperationFilter<ParameterSchemasOperationFilter>();
            swagger.OperationFilter<RequestBodyOperationFilter>();
            swagger.OperationFilter<StandardResponsesOperationFilter>();
            swagger.OperationFilter<EntityTagHeadersOperationFilter>();
            swagger.OperationFilter<IdempotencyKeyOperationFilter>();
            swagger.OperationFilter<ApiKeySecurityOperationFilter>();
            // Last, so the responses the other filters add get their examples too.
            swagger.OperationFilter<ExamplesOperationFilter>();
            swagger.DocumentFilter<TagsDocumentFilter>();
        });
        return services;
    }
}
