using Commerce.Grains.Interfaces.Common;
using Commerce.Runtime.Identity;

namespace Commerce.Grains.Interfaces.Products;

/// <summary>One product, keyed by its id. Owns the product's state and its rules.</summary>
public interface IProductGrain : IGrainWithIntegerKey
{
    Task<CatalogResult<ProductSnapshot>> CreateAsync(ProductDraft draft);

    /// <returns>The product, or null when it does not exist.</returns>
    Task<ProductSnapshot?> GetAsync();

    /// <param name="expectedVersion">From If-Match; null applies the change to whatever version is current.</param>
    Task<CatalogResult<ProductSnapshot>> UpdateAsync(ProductPatch patch, long? expectedVersion);

    Task<DeleteResult> DeleteAsync(long? expectedVersion);
}
