using Commerce.WebApi.Idempotency;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Commerce.WebApi.OpenApi;

/// <summary>Documents the <c>Idempotency-Key</c> header on the operations that honour it (<see cref="IdempotentOperation"/>).</summary>
public sealed class IdempotencyKeyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentOperation>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyHeader.Name,
            In = ParameterLocation.Header,
            Description = "1–255 visible ASCII characters chosen by the client. A repeat with the same key and the same request " +
                "answers the first answer again and changes nothing; the same key with another request is 422. Kept at least 24 h.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeyHeader.MaxLength, Pattern = "^[!-~]+$" },
            Example = "order-2026-03-12-0001",
        });
    }
}
