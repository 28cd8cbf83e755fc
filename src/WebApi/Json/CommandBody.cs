using System.Text.Json;
using Commerce.Grains.Interfaces.Validation;
using Commerce.WebApi.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.WebApi.Json;

/// <summary>
/// The body of a create or change: a JSON object read within the size limit and parsed into the grain's command, or
/// the problem to answer (400 not JSON, 413 too large, 422 not an object or fields the command cannot take).
/// </summary>
public static class CommandBody
{
    public static async Task<(T? Command, ProblemHttpResult? Problem)> ReadAsync<T>(
        HttpRequest request, JsonBodyReader bodies, Func<JsonElement, FieldErrors, T> parse, string invalidDetail)
        where T : class
    {
        var (body, problem) = await bodies.ReadObjectAsync(request);
        if (problem is not null)
        {
            return (null, problem);
        }

        using (body)
        {
            var errors = new FieldErrors();
            var command = parse(body!.RootElement, errors);
            return errors.IsEmpty ? (command, null) : (null, ApiProblems.Invalid(errors.ToDictionary(), invalidDetail));
        }
    }
}
