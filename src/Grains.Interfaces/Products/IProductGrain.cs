using Orleans.Concurrency;
using Commerce.Grains.Interfaces.Common;

namespace Commerce.Grains.Interfaces.Products;

/// <summary>One product, keyed by its id. Owns the product's state and its rules, and keeps its read row in step.</summary>
[Alias("Commerce.IProductGrain")]
public interface IProductGrain : IGrainWithIntegerKey
{
    [Alias("Create")]
    Task<CatalogResult<ProductSnapshot>> CreateAsync(ProductDraft draft);

    /// <returns>The product, or null when it does not exist.</returns>
    [Alias("Get")]
    Task<ProductSnapshot?> GetAsync();

    /// <param name="expectedVersion">From If-Match; null applies the change to whatever version is current.</param>
    [Alias("Update")]
    Task<CatalogResult<ProductSnapshot>> UpdateAsync(ProductPatch patch, long? expectedVersion);

    [Alias("Delete")]
    Task<DeleteResult> DeleteAsync(long? expectedVersion);

    /// <summary>Part of a category delete: clears the product's category when it is one of <paramref name="categoryIds"/>.</summary>
    [Alias("UnlinkCategories")]
    Task UnlinkCategoriesAsync(IReadOnlyList<long> categoryIds);

    /// <summary>
    /// Whether the product's stored state still carries <paramref name="sku"/>. Asked by a SKU grain that finds
    /// itself claimed by this product; it only reads state, so it may interleave with a call in progress (a SKU
    /// swap between two products would otherwise wait on itself).
    /// </summary>
    [Alias("HoldsSku")]
    [AlwaysInterleave]
    Task<bool> HoldsSkuAsync(string sku);

    /// <summary>Writes the read row from the state again (after a crash left it behind, or to rebuild the table).</summary>
    [Alias("RepairReadRow")]
    Task RepairReadRowAsync();
}
