using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Commerce.WebApi.OpenApi;

/// <summary>
/// The answers any operation can give whatever it does: 429 when the rate limit is on, 503 while the database
/// or a silo is unavailable (both with <c>Retry-After</c>), and a description of every status in this API's words.
/// </summary>
public sealed class StandardResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        foreach (var status in new[] { StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable })
        {
            var response = Problem(context);
            response.Headers = new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = RetryAfter() };
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is OpenApiResponse concrete && ResponseDescriptions.ByStatus.TryGetValue(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), out var description))
            {
                concrete.Description = description;
            }
        }
    }

    /// <summary>A problem-details response; the description is filled in with the others.</summary>
    public static OpenApiResponse Problem(OperationFilterContext context) => new()
    {
        Content = new Dictionary<string, IOpenApiMediaType>
        {
            ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository) },
        },
    };

    private static OpenApiHeader RetryAfter() => new()
    {
        Description = "Seconds to wait before retrying.",
        Required = true,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
        Example = 1,
    };
}
