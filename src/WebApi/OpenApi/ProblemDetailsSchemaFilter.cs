using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Commerce.WebApi.OpenApi;

/// <summary>
/// The one problem-details schema (RFC 9457) of every error. Generated from the framework's type it would make
/// every member optional and nullable, and it would not know the <c>errors</c> and <c>trace_id</c> members
/// the API adds.
/// </summary>
public sealed class ProblemDetailsSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(ProblemDetails) || schema is not OpenApiSchema problem)
        {
            return;
        }

        problem.Description = "An RFC 9457 problem. `detail` says what is wrong in words meant for a person; `errors` names the fields.";
        problem.Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI reference that names the kind of problem (the RFC section of the status)."),
            ["title"] = Text("The status in words, such as `Not Found`."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599", Description = "The HTTP status code." },
            ["detail"] = Text("What is wrong with this request."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Messages per field or query parameter: on a validation failure (422), a uniqueness conflict (409) " +
                    "or an unknown `parent_id`/`category_id` (404).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text("A message such as `must not be null.`") },
            },
            ["trace_id"] = Text("The W3C trace id of the request, to find it in logs and traces."),
            ["available"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0",
                Description = "On a cart line refused for lack of stock (409): the most units this cart can hold of the product.",
            },
            ["lines"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "On an order refused for lack of stock (409): every short line with what is available of it.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new SortedSet<string>(["product_id", "requested", "available"], StringComparer.Ordinal),
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["product_id"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
                        ["requested"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
                        ["available"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
                    },
                },
            },
        };
        problem.Required = new SortedSet<string>(["title", "status", "detail"], StringComparer.Ordinal);
        // RFC 9457 lets problems carry extension members; clients must ignore those they do not know.
        problem.AdditionalPropertiesAllowed = true;
        problem.AdditionalProperties = null;
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
