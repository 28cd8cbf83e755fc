namespace Commerce.Grains.Interfaces.Products;

/// <summary>A product as stored, with the version that backs its ETag.</summary>
public sealed record ProductSnapshot(
    long Id,
    string Title,
    string Description,
    string? ImageUrl,
    string Sku,
    decimal Price,
    long? CategoryId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);
