using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Commerce.WebApi.Errors;

/// <summary>The problem-details responses of the API (RFC 9457), one factory per kind of refusal.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "Not Found", detail);

    public static ProblemHttpResult Unprocessable(string detail) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "Unprocessable Content", detail);

    public static ProblemHttpResult Invalid(IReadOnlyDictionary<string, string[]> errors, string detail = "The request has invalid fields.") =>
        TypedResults.Problem(new ValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Validation Failed",
            Detail = detail,
        });

    public static ProblemHttpResult Conflict(string detail, IReadOnlyDictionary<string, string[]>? errors) =>
        errors is null
            ? Problem(StatusCodes.Status409Conflict, "Conflict", detail)
            : TypedResults.Problem(new ValidationProblemDetails(errors.ToDictionary())
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = detail,
            });

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        Problem(StatusCodes.Status412PreconditionFailed, "Precondition Failed", detail);

    public static ProblemHttpResult MalformedJson(JsonException ex) =>
        Problem(StatusCodes.Status400BadRequest, "Bad Request",
            $"The request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");

    public static ProblemHttpResult NotUtf8() =>
        Problem(StatusCodes.Status400BadRequest, "Bad Request", "The request body is not valid UTF-8, so it is not JSON.");

    public static ProblemHttpResult TooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Content Too Large", $"The request body may be at most {limit} bytes.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}
