using System.Globalization;
using System.Text.RegularExpressions;

namespace Commerce.Grains.Interfaces.Validation;

/// <summary>
/// Prices are exact decimals from 0 to 9 999 999 999.99 with at most two decimal places. Parsing works on
/// the digits as written, so nothing is ever rounded on the way in (decimal.Parse alone would round a
/// 30-digit fraction without a word).
/// </summary>
public static partial class PriceRules
{
    public const decimal Max = 9_999_999_999.99m;
    public const int MaxIntegerDigits = 10;
    public const int MaxDecimals = 2;

    /// <summary>Parses a JSON number token (sign and exponent allowed, as JSON allows them).</summary>
    public static string? TryParseJsonNumber(string token, out decimal price) =>
        TryParse(JsonNumber().Match(token), out price);

    /// <summary>Parses the string form: plain digits with an optional fraction, nothing else.</summary>
    public static string? TryParsePlain(string text, out decimal price) =>
        TryParse(PlainNumber().Match(text), out price);

    /// <summary>The rules for a value that is already a decimal (the grain checks again what the API parsed).</summary>
    public static string? Check(decimal price)
    {
        if (price < 0 || price > Max)
        {
            return OutOfRange;
        }

        return decimal.Round(price, MaxDecimals) != price ? TooManyDecimals : null;
    }

    private const string OutOfRange = "must be between 0 and 9999999999.99.";
    private const string TooManyDecimals = "must have at most 2 decimal places.";
    private const string NotANumber = "must be a decimal number such as 1299.99 (digits, optional fraction).";

    private static string? TryParse(Match match, out decimal price)
    {
        price = 0;
        if (!match.Success)
        {
            return NotANumber;
        }

        var digits = (match.Groups["int"].Value + match.Groups["frac"].Value).TrimStart('0');
        long scale = match.Groups["frac"].Length;
        if (match.Groups["exp"].Success && !TryApplyExponent(match.Groups["exp"].Value, ref scale))
        {
            return digits.Length == 0 ? null : OutOfRange;
        }

        while (scale > 0 && digits.EndsWith('0'))
        {
            digits = digits[..^1];
            scale--;
        }

        if (digits.Length == 0)
        {
            return null;
        }

        if (match.Groups["sign"].Success)
        {
            return OutOfRange;
        }

        if (digits.Length - scale > MaxIntegerDigits)
        {
            return OutOfRange;
        }

        if (scale > MaxDecimals)
        {
            return TooManyDecimals;
        }

        // Below 1 the significant digits can be fewer than the decimals ("0.05" is digits "5", scale 2).
        digits = digits.PadLeft((int)Math.Max(scale, 0) + 1, '0');
        var integerPart = scale > 0 ? digits[..^(int)scale] : digits + new string('0', (int)-scale);
        var fraction = scale > 0 ? digits[^(int)scale..] : string.Empty;
        price = decimal.Parse(
            (integerPart.Length == 0 ? "0" : integerPart) + (fraction.Length > 0 ? "." + fraction : string.Empty),
            NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return null;
    }

    private static bool TryApplyExponent(string exponent, ref long scale)
    {
        // Exponents beyond a few dozen can only mean zero or out of range; refusing them keeps the math small.
        if (!int.TryParse(exponent, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || Math.Abs(value) > 1000)
        {
            return false;
        }

        scale -= value;
        return true;
    }

    [GeneratedRegex(@"^(?<sign>-)?(?<int>[0-9]+)(?:\.(?<frac>[0-9]+))?(?:[eE](?<exp>[+-]?[0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"^(?<int>[0-9]+)(?:\.(?<frac>[0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
