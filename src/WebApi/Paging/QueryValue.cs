using System.Globalization;
using Commerce.Grains.Interfaces.Validation;

namespace Commerce.WebApi.Paging;

/// <summary>
/// Parses query parameters by hand: binding them as numbers would turn <c>limit=abc</c> into a bare 400,
/// where the contract wants a 422 problem naming the parameter and saying what is wrong with it.
/// </summary>
public static partial class QueryValue
{
    public static long? ParseInteger(string[]? values, string name, long min, long max, FieldErrors errors)
    {
        if (SingleValue(values, name, errors) is not { } text)
        {
            return null;
        }

        if (!WholeNumber().IsMatch(text))
        {
            errors.Add(name, "must be a whole number, such as 20.");
            return null;
        }

        // The text is digits by now, so a failed parse can only mean it does not fit 64 bits.
        var fits = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value);
        var tooSmall = fits ? value < min : text.StartsWith('-');
        var tooLarge = fits ? value > max : !tooSmall;
        if (!tooSmall && !tooLarge)
        {
            return value;
        }

        errors.Add(name, (min > long.MinValue && max < long.MaxValue) ? $"must be from {min} to {max}."
            : tooLarge ? $"is too large; at most {max}."
            : $"must be at least {min}.");
        return null;
    }

    /// <summary>A price bound: the same rule as a price in a body given as a string (digits, at most 2 decimals).</summary>
    public static decimal? ParseDecimal(string[]? values, string name, FieldErrors errors)
    {
        if (SingleValue(values, name, errors) is not { } text)
        {
            return null;
        }

        var error = PriceRules.TryParsePlain(text, out var value);
        errors.AddIfAny(name, error);
        return error is null ? value : null;
    }

    /// <summary>A flag: exactly <c>true</c> or <c>false</c>; absent is null.</summary>
    public static bool? ParseBoolean(string[]? values, string name, FieldErrors errors)
    {
        switch (SingleValue(values, name, errors))
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                errors.Add(name, "must be true or false.");
                return null;
        }
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

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?[0-9]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex WholeNumber();
}
