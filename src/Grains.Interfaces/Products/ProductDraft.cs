namespace Commerce.Grains.Interfaces.Products;

/// <summary>A new product as the client sent it, before the grain applies the rules. Null means "not given".</summary>
[GenerateSerializer, Immutable, Alias("Commerce.ProductDraft")]
public sealed record ProductDraft(
    [property: Id(0)] string? Title,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? ImageUrl,
    [property: Id(3)] string? Sku,
    [property: Id(4)] decimal? Price,
    [property: Id(5)] long? CategoryId,
    [property: Id(6)] long? StockOnHand = null);
