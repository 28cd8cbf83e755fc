namespace Commerce.ReadModel;

/// <summary>
/// A product search: every filter that is set must match. <paramref name="Text"/> is already trimmed and
/// NFC-normalised; null or empty means no text filter. <paramref name="InStock"/>: true keeps products with units
/// available, false those with none, null both.
/// </summary>
public sealed record ProductSearchCriteria(
    string? Text, decimal? MinPrice, decimal? MaxPrice, long? CategoryId, int Limit, long Offset, bool? InStock = null);
