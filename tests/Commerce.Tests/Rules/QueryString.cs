using Microsoft.AspNetCore.WebUtilities;

namespace Commerce.Tests.Rules;

/// <summary>A query string split and decoded as ASP.NET Core binds it to <c>[FromQuery] string[]</c> parameters.</summary>
public static class QueryString
{
    public static string[]? Values(string query, string name) =>
        QueryHelpers.ParseQuery(query).TryGetValue(name, out var values) ? [.. values.Select(value => value ?? string.Empty)] : null;
}
