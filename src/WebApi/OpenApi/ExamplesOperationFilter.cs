using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Commerce.WebApi.OpenApi;

/// <summary>An example for each request and response body (<see cref="OpenApiExamples"/>), so tools can show and mock them.</summary>
public sealed class ExamplesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var media in operation.RequestBody?.Content?.Values.OfType<OpenApiMediaType>() ?? [])
        {
            if (SchemaId(media) is { } id)
            {
                media.Example = OpenApiExamples.For(id);
            }
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            foreach (var media in response.Content?.Values.OfType<OpenApiMediaType>() ?? [])
            {
                media.Example = SchemaId(media) == "ProblemDetails"
                    ? OpenApiExamples.Problem(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture))
                    : SchemaId(media) is { } id ? OpenApiExamples.For(id) : null;
            }
        }
    }

    private static string? SchemaId(OpenApiMediaType media) => (media.Schema as OpenApiSchemaReference)?.Reference.Id;
}
