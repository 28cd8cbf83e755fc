using Microsoft.AspNetCore.WebUtilities;

namespace Commerce.WebApi.Errors;

/// <summary>
/// Fills in what the framework leaves out of the problems it writes itself (an unknown route's 404, a wrong
/// method's 405): they carry no <c>detail</c>, but the contract promises one on every error.
/// </summary>
internal static class ProblemDetailDefaults
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var request = context.HttpContext.Request;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status404NotFound => $"There is no resource at {request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}.",
            _ => ReasonPhrases.GetReasonPhrase(problem.Status ?? StatusCodes.Status500InternalServerError) + ".",
        };
    }
}
