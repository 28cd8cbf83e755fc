using Swashbuckle.AspNetCore.SwaggerGen;

namespace Commerce.WebApi.OpenApi;

/// <summary>
/// Request bodies are JSON. The endpoints also accept <c>*/*</c> so that a missing Content-Type is no 415, but
/// a client generator offered both would have to guess; the document names application/json only.
/// </summary>
public sealed class RequestBodyOperationFilter : IOperationFilter
{
    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, OperationFilterContext context) =>
        operation.RequestBody?.Content?.Remove("*/*");
}
