using System.Text.RegularExpressions;

namespace Commerce.Grains.Interfaces.Validation;

/// <summary>SKUs are trimmed and upper-cased, then must be 1–100 of A–Z, 0–9, '_' and '-'.</summary>
public static partial class SkuRules
{
    public const int MaxLength = 100;

    /// <returns>An error message, or null when <paramref name="sku"/> holds the SKU to store.</returns>
    public static string? TryNormalize(string? raw, out string sku)
    {
        sku = string.Empty;
        var error = CatalogText.TryNormalize(raw, int.MaxValue, out var text);
        if (error is not null)
        {
            return error;
        }

        var upper = text.ToUpperInvariant();
        if (!Pattern().IsMatch(upper))
        {
            return $"must be 1 to {MaxLength} characters of A-Z, 0-9, '_' or '-'.";
        }

        sku = upper;
        return null;
    }

    [GeneratedRegex("^[A-Z0-9_-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
