namespace Commerce.Grains.Interfaces.Stock;

/// <summary>A product's units: what the shop holds and what live carts and orders in placement hold of it.</summary>
[GenerateSerializer, Immutable, Alias("Commerce.ProductStock")]
public sealed record ProductStock([property: Id(0)] long OnHand, [property: Id(1)] long Reserved)
{
    public static ProductStock None { get; } = new(0, 0);

    /// <summary>What a buyer can still reserve.</summary>
    public long Available => OnHand - Reserved;
}
