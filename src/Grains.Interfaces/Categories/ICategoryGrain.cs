using Commerce.Grains.Interfaces.Common;
using Commerce.Runtime.Identity;

namespace Commerce.Grains.Interfaces.Categories;

/// <summary>One category of the tree, keyed by its id. Owns its name and its place in the tree.</summary>
public interface ICategoryGrain : IGrainWithIntegerKey
{
    Task<CatalogResult<CategorySnapshot>> CreateAsync(CategoryDraft draft);

    /// <returns>The category, or null when it does not exist.</returns>
    Task<CategorySnapshot?> GetAsync();

    Task<CatalogResult<CategorySnapshot>> UpdateAsync(CategoryPatch patch, long? expectedVersion);

    /// <summary>Deletes this category and its whole subtree and unlinks their products, atomically.</summary>
    Task<DeleteResult> DeleteAsync(long? expectedVersion);
}
