using Commerce.Grains.Interfaces.Stock;

namespace Commerce.Grains.Interfaces.Products;

/// <summary>A product as stored, with the version that backs its ETag (stock changes move it too).</summary>
[GenerateSerializer, Immutable, Alias("Commerce.ProductSnapshot")]
public sealed record ProductSnapshot(
    [property: Id(0)] long Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] string? ImageUrl,
    [property: Id(4)] string Sku,
    [property: Id(5)] decimal Price,
    [property: Id(6)] long? CategoryId,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] long Version,
    [property: Id(10)] ProductStock Stock);
