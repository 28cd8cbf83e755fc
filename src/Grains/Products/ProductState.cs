using Commerce.Grains.Stock;

namespace Commerce.Grains.Products;

/// <summary>
/// What a product grain persists (as JSON in <c>OrleansStorage</c>). <see cref="Version"/> counts the product's
/// changes: it backs the ETag and guards the read row against older writes; 0 means the product does not exist.
/// </summary>
public sealed record ProductState
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string? ImageUrl { get; init; }
    public string Sku { get; init; } = "";
    public decimal Price { get; init; }
    public long? CategoryId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }

    /// <summary>Units and reservations; kept with the product so one turn checks, reserves and snapshots (ADR 006).</summary>
    public StockState Stock { get; init; } = StockState.Empty;
}
