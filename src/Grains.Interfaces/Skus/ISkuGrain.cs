namespace Commerce.Grains.Interfaces.Skus;

/// <summary>
/// One SKU (normalised, as the key): records which product holds it, so two products can never both hold it,
/// whatever silos their writes run on.
/// </summary>
[Alias("Commerce.ISkuGrain")]
public interface ISkuGrain : IGrainWithStringKey
{
    /// <returns>True when the product now holds the SKU; false when another product holds it.</returns>
    [Alias("Claim")]
    Task<bool> ClaimAsync(long productId);

    /// <summary>Gives the SKU up if <paramref name="productId"/> holds it.</summary>
    [Alias("Release")]
    Task ReleaseAsync(long productId);
}
