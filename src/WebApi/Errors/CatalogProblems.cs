using Commerce.Grains.Interfaces.Common;
using Commerce.WebApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.WebApi.Errors;

/// <summary>Maps a grain's refusal to the status code the API contract gives it.</summary>
public static class CatalogProblems
{
    public static ProblemHttpResult From(CatalogError error) => error.Kind switch
    {
        CatalogErrorKind.Validation when error.FieldErrors is { } errors => ApiProblems.Invalid(errors, Sentence(error.Detail)),
        CatalogErrorKind.Validation => ApiProblems.Unprocessable(Sentence(error.Detail)),
        CatalogErrorKind.NotFound or CatalogErrorKind.ReferenceNotFound => NotFound(error),
        CatalogErrorKind.Conflict => ApiProblems.Conflict(error.Detail, error.FieldErrors),
        CatalogErrorKind.PreconditionFailed => ApiProblems.PreconditionFailed(error.Detail),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error.Kind, "Unknown catalog error kind."),
    };

    /// <summary>
    /// A refusal of a conditional change. The grain only knows the version it was handed; the header tells why
    /// it could not match (weak, malformed, or simply stale), so the 412 says that.
    /// </summary>
    public static ProblemHttpResult From(CatalogError error, IfMatch ifMatch, string resource) =>
        error.Kind == CatalogErrorKind.PreconditionFailed ? ApiProblems.PreconditionFailed(ifMatch.MismatchDetail(resource)) : From(error);

    private static ProblemHttpResult NotFound(CatalogError error)
    {
        var result = ApiProblems.NotFound(error.Detail);
        if (error.FieldErrors is { } errors)
        {
            result.ProblemDetails.Extensions["errors"] = errors;
        }

        return result;
    }

    // A rule's message doubles as a field error ("parent_id: a category cannot be moved ..."); as the
    // problem's detail it stands alone, so it starts with a capital like every other detail.
    private static string Sentence(string message) =>
        message.Length > 0 && char.IsLower(message[0]) ? char.ToUpperInvariant(message[0]) + message[1..] : message;
}
