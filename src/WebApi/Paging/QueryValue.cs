using System.Globalization;
using Commerce.Grains.Interfaces.Validation;

namespace Commerce.WebApi.Paging;

/// <summary>
/// Parses query parameters by hand: binding them as numbers would turn <c>limit=abc</c> into a bare 400,
/// where the contract wants a 422 problem naming the parameter.
/// </summary>
public static partial class QueryValue
{
    public static long? ParseInteger(string[]? values, string name, long min, long max, FieldErrors errors)
    {
        if (SingleValue(values, name, errors) is not { } text)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add(name, max == long.MaxValue ? $"must be an integer of at least {min}." : $"must be an integer from {min} to {max}.");
            return null;
        }

        return value;
    }

    public static decimal? ParseDecimal(string[]? values, string name, FieldErrors errors)
    {
        if (SingleValue(values, name, errors) is not { } text)
        {
            return null;
        }

        if (!PlainDecimal().IsMatch(text)
            || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(name, "must be a decimal number of at least 0, such as 10 or 10.50.");
            return null;
        }

        return value;
    }

    /// <summary>The one value of a parameter; null when it is absent (or empty), an error when it is repeated.</summary>
    public static string? SingleValue(string[]? values, string name, FieldErrors errors)
    {
        if (values is { Length: > 1 })
        {
            errors.Add(name, "must be given at most once.");
            return null;
        }

        var text = values is [var only] ? only?.Trim() : null;
        return string.IsNullOrEmpty(text) ? null : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]{1,20}(\.[0-9]{1,20})?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PlainDecimal();
}
