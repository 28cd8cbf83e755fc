using Commerce.WebApi.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.WebApi.Idempotency;

/// <summary>The <c>Idempotency-Key</c> request header: absent, or 1–255 visible ASCII characters given once.</summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <returns>A 422 problem when the header is there but not a valid key; otherwise null, with the key or null.</returns>
    public static ProblemHttpResult? TryRead(HttpRequest request, out string? key)
    {
        key = null;
        var values = request.Headers[Name];
        if (values.Count == 0)
        {
            return null;
        }

        string? error = null;
        if (values.Count > 1)
        {
            error = "must be given at most once.";
        }
        else if (values[0] is not { Length: > 0 and <= MaxLength } value)
        {
            error = $"must be 1 to {MaxLength} characters.";
        }
        else if (value.Any(c => c is < '!' or > '~'))
        {
            error = "must be visible ASCII characters only (no spaces).";
        }
        else
        {
            key = value;
            return null;
        }

        return ApiProblems.Invalid(new Dictionary<string, string[]> { [Name] = [error] }, $"The {Name} header is not valid.");
    }
}
