using Commerce.Grains.Interfaces.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.WebApi.Errors;

/// <summary>Maps a grain's refusal to the status code the API contract gives it.</summary>
public static class CatalogProblems
{
    public static ProblemHttpResult From(CatalogError error) => error.Kind switch
    {
        CatalogErrorKind.Validation when error.FieldErrors is { } errors => ApiProblems.Invalid(errors, error.Detail),
        CatalogErrorKind.Validation => ApiProblems.Unprocessable(error.Detail),
        CatalogErrorKind.NotFound or CatalogErrorKind.ReferenceNotFound => NotFound(error),
        CatalogErrorKind.Conflict => ApiProblems.Conflict(error.Detail, error.FieldErrors),
        CatalogErrorKind.PreconditionFailed => ApiProblems.PreconditionFailed(error.Detail),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error.Kind, "Unknown catalog error kind."),
    };

    private static ProblemHttpResult NotFound(CatalogError error)
    {
        var result = ApiProblems.NotFound(error.Detail);
        if (error.FieldErrors is { } errors)
        {
            result.ProblemDetails.Extensions["errors"] = errors;
        }

        return result;
    }
}
