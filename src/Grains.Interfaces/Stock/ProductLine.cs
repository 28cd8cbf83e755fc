namespace Commerce.Grains.Interfaces.Stock;

/// <summary>What a cart line or an order line shows of a product: taken at one moment, kept by orders as a snapshot.</summary>
[GenerateSerializer, Immutable, Alias("Commerce.ProductLine")]
public sealed record ProductLine(
    [property: Id(0)] long ProductId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Sku,
    [property: Id(3)] decimal UnitPrice);
