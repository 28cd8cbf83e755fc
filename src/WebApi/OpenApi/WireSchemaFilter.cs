using System.ComponentModel;
using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Commerce.WebApi.OpenApi;

/// <summary>The rules of the wire that Swashbuckle cannot read off the C# types.</summary>
public sealed class WireSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete)
        {
            return;
        }

        if (context.MemberInfo?.GetCustomAttribute<DescriptionAttribute>() is { } description)
        {
            concrete.Description = description.Description;
        }

        if (concrete.Properties is not { Count: > 0 } properties)
        {
            return;
        }

        // Unknown request fields are ignored (API.md), and responses may gain fields in later versions: no
        // schema may tell a client that extra properties are an error.
        concrete.AdditionalPropertiesAllowed = true;
        concrete.AdditionalProperties = null;

        // Responses always carry every field, null where there is nothing; only requests have optional fields.
        if (context.Type.Name.EndsWith("Response", StringComparison.Ordinal) || context.Type.Name.StartsWith("PageResponse", StringComparison.Ordinal))
        {
            concrete.Required = new SortedSet<string>(properties.Keys, StringComparer.Ordinal);
        }

        // Ids are positive 64-bit integers; 0 and below never name anything.
        foreach (var (name, property) in properties)
        {
            if ((name == "id" || name.EndsWith("_id", StringComparison.Ordinal)) && property is OpenApiSchema { Format: "int64" } id)
            {
                id.Minimum = "1";
            }
        }
    }
}
