namespace Commerce.ReadModel;

/// <summary>The SQL parameters that hold a search's price bounds, null where it has none.</summary>
internal sealed record PriceBounds(string? Min, string? Max);
