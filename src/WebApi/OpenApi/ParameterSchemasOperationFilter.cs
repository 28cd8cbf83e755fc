using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Commerce.WebApi.OpenApi;

/// <summary>Gives each path and query parameter its real type, range, default and meaning (<see cref="ParameterSchemas"/>).</summary>
public sealed class ParameterSchemasOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && ParameterSchemas.ByName.TryGetValue(name, out var known))
            {
                parameter.Schema = known.Schema;
                parameter.Description = known.Description;
                parameter.Example = known.Example;
            }
        }
    }
}
