using System.Globalization;

namespace Commerce.WebApi.Json;

/// <summary>Amounts on the wire: strings with exactly two decimals, like prices, so no client rounds them.</summary>
public static class Money
{
    public const string Pattern = @"^[0-9]+\.[0-9]{2}$";

    /// <summary>
    /// Two decimals, rounded half away from zero: for amounts that are not negative the same text as the custom
    /// format "0.00", without parsing a format per call (a page of products formats one price a row).
    /// </summary>
    public static string Format(decimal amount) => amount.ToString("F2", CultureInfo.InvariantCulture);
}
