using Commerce.Grains.Interfaces.Common;
using Orleans.Concurrency;

namespace Commerce.Grains.Interfaces.Categories;

/// <summary>
/// The one grain (key <see cref="Key"/>) through which every change to the category tree passes, so the rules that
/// span categories — parent exists, level ≤ 100, no cycle, unique sibling names — are checked one change at a
/// time on any number of silos. It keeps the tree's shape in memory, loaded from the category grains' state.
/// </summary>
[Alias("Commerce.ICategoryTreeGrain")]
public interface ICategoryTreeGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    [Alias("Create")]
    Task<CatalogResult<CategorySnapshot>> CreateAsync(long id, CategoryDraft draft);

    [Alias("Update")]
    Task<CatalogResult<CategorySnapshot>> UpdateAsync(long id, CategoryPatch patch, long? expectedVersion);

    /// <summary>Deletes the category and its whole subtree and unlinks their products; resumed after a crash.</summary>
    [Alias("Delete")]
    Task<DeleteResult> DeleteAsync(long id, long? expectedVersion);

    /// <summary>
    /// Whether a product may link to the category. The tree remembers the product for a while, so a delete of the
    /// category that follows before the product's write lands still unlinks it.
    /// </summary>
    /// <remarks>
    /// It may interleave with a change in progress: a delete waits on products whose own write may be waiting on
    /// this check, and the check only reads the shape, which every change updates before it awaits anything.
    /// </remarks>
    [Alias("CheckLink")]
    [AlwaysInterleave]
    Task<bool> CheckLinkAsync(long categoryId, long productId);

    /// <summary>Activates the tree, which finishes any delete a crash interrupted.</summary>
    [Alias("Resume")]
    Task ResumeAsync();

    /// <summary>Writes every category read row that differs from the state (version or path) and drops rows of no category.</summary>
    [Alias("RepairReadRows")]
    Task RepairReadRowsAsync();
}
