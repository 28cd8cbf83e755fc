namespace Commerce.Grains.Products;

/// <summary>What a product grain persists. Immutable: a change is a new record, written before it is kept.</summary>
public sealed record ProductState(
    string Title,
    string Description,
    string? ImageUrl,
    string Sku,
    decimal Price,
    long? CategoryId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
