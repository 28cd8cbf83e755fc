namespace Commerce.Grains.Interfaces.Validation;

/// <summary>The limits of stock figures in requests (API.md "Stock").</summary>
public static class StockRules
{
    public const long MaxOnHand = 1_000_000_000;
    public const long MaxDelta = 1_000_000_000;
    public const int MaxReasonLength = 255;

    /// <returns>An error message, or null when <paramref name="onHand"/> may start a product's stock.</returns>
    public static string? CheckInitialOnHand(long onHand) =>
        onHand is < 0 or > MaxOnHand ? $"must be from 0 to {MaxOnHand}." : null;

    public static string? CheckDelta(long? delta) => delta switch
    {
        null => "is required.",
        0 => "must not be 0.",
        < -MaxDelta or > MaxDelta => $"must be from -{MaxDelta} to {MaxDelta}.",
        _ => null,
    };

    /// <summary>The reason is text like a title: trimmed, NFC, no control characters, 1–255 code points.</summary>
    public static string? TryNormalizeReason(string? raw, out string reason) =>
        CatalogText.TryNormalize(raw, MaxReasonLength, out reason);
}
