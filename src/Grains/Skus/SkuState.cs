namespace Commerce.Grains.Skus;

/// <summary>What a SKU grain persists: the product that holds the SKU, if any.</summary>
public sealed record SkuState
{
    public long? ProductId { get; init; }
}
