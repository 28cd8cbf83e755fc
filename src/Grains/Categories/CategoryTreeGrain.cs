using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Validation;
using Commerce.Grains.Products;
using Commerce.Grains.Storage;
using Commerce.Grains.Telemetry;
using Microsoft.Extensions.Logging;

namespace Commerce.Grains.Categories;

/// <summary>
/// Every change to the category tree passes through this one grain, one at a time, so the rules that span categories
/// hold on any number of silos. It keeps the tree's shape in memory, loaded from the category grains' stored state,
/// and changes a category by asking its grain to store the new state and read row. A subtree delete is recorded as a
/// durable intent first and finished after a crash, on the next activation (the read-row sweep activates the tree every few seconds).
/// </summary>
public sealed partial class CategoryTreeGrain(
    [PersistentState(GrainStorageNames.CategoryTree, GrainStorageNames.Provider)] IPersistentState<CategoryTreeState> intents,
    StoredGrainStates storedStates,
    CategoryReadRow readRows,
    ProductCategoryPaths productPaths,
    MutationMetrics mutations,
    TimeProvider time,
    ILogger<CategoryTreeGrain> logger) : Grain, ICategoryTreeGrain
{
    private const int Parallelism = 32;

    private readonly RecentLinks recentLinks = new(time);
    private CategoryTree? tree;

    // False until product rows' category paths were compared with the category rows by this activation, and again
    // after a move failed midway: a crash may have fallen between a move's category rows and its products.
    private bool productPathsChecked;

    private List<PendingCategoryDelete> Pending => intents.State.PendingDeletes ??= [];
    private Task<CategoryTree>? loading;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        tree = await LoadAsync();
        await FinishPendingDeletesAsync();
    }

    public async Task<CatalogResult<CategorySnapshot>> CreateAsync(long id, CategoryDraft draft)
    {
        var shape = await TreeAsync();
        if (CatalogText.TryNormalize(draft.Name, CategoryTreeLimits.MaxNameLength, out var name) is { } nameError)
        {
            return Invalid("name", nameError);
        }

        if (shape.Contains(id))
        {
            return new CatalogError(CatalogErrorKind.Conflict, $"Category {id} already exists.");
        }

        if (shape.CheckPlacement(id, draft.ParentId, name) is { } refusal)
        {
            return refusal;
        }

        var now = CatalogClock.Now(time);
        var created = new CategorySnapshot(id, name, draft.ParentId, now, now, 1);
        await ApplyAsync(created);
        mutations.Record(MutationMetrics.Category, MutationMetrics.Create);
        return CatalogResult<CategorySnapshot>.Success(created);
    }

    public async Task<CatalogResult<CategorySnapshot>> UpdateAsync(long id, CategoryPatch patch, long? expectedVersion)
    {
        var shape = await TreeAsync();
        if (Precondition(shape, id, expectedVersion) is { } refused)
        {
            return refused;
        }

        var current = await Category(id).GetAsync()
            ?? throw new InvalidOperationException($"Category {id} is in the tree but has no state.");
        var name = current.Name;
        if (patch.Name.IsSet && CatalogText.TryNormalize(patch.Name.Value, CategoryTreeLimits.MaxNameLength, out name) is { } nameError)
        {
            return Invalid("name", nameError);
        }

        var parent = patch.ParentId.IsSet ? patch.ParentId.Value : current.ParentId;
        if (parent == id)
        {
            return CatalogError.Invalid("parent_id", CategoryTree.CycleMessage);
        }

        if (name == current.Name && parent == current.ParentId)
        {
            return CatalogResult<CategorySnapshot>.Success(current);
        }

        if (shape.CheckPlacement(id, parent, name) is { } refusal)
        {
            return refusal;
        }

        var changed = current with { Name = name, ParentId = parent, UpdatedAt = CatalogClock.Next(time, current.UpdatedAt), Version = current.Version + 1 };
        await ApplyAsync(changed);
        if (parent != current.ParentId)
        {
            await MoveSubtreeRowsAsync(id, shape.PathOf(id));
        }

        mutations.Record(MutationMetrics.Category, MutationMetrics.Update);
        return CatalogResult<CategorySnapshot>.Success(changed);
    }

    public async Task<DeleteResult> DeleteAsync(long id, long? expectedVersion)
    {
        var shape = await TreeAsync();
        if (Precondition(shape, id, expectedVersion) is { } refused)
        {
            return new DeleteResult(refused);
        }

        var pending = new PendingCategoryDelete(id, shape.SubtreeOf(id));
        Pending.Add(pending);
        await intents.WriteStateAsync();
        shape.RemoveSubtree(id);
        await FinishAsync(pending);
        mutations.Record(MutationMetrics.Category, MutationMetrics.Delete);
        return DeleteResult.Deleted;
    }

    public async Task<bool> CheckLinkAsync(long categoryId, long productId)
    {
        var shape = await TreeAsync();
        if (!shape.Contains(categoryId))
        {
            return false;
        }

        recentLinks.Add(categoryId, productId);
        return true;
    }

    public Task ResumeAsync() => Task.CompletedTask;

    /// <summary>Writes every category read row that differs from the state (version or path), and drops rows of no category.</summary>
    public async Task RepairReadRowsAsync()
    {
        var shape = await TreeAsync();
        var rows = await readRows.ReadAllAsync();
        foreach (var id in shape.Ids.ToList())
        {
            var path = shape.PathOf(id);
            if (!rows.TryGetValue(id, out var row) || row.Version != shape.VersionOf(id) || !row.Path.SequenceEqual(path))
            {
                await Category(id).RepairReadRowAsync(path);
                productPathsChecked = false;
            }
        }

        foreach (var stale in rows.Keys.Where(id => !shape.Contains(id)))
        {
            await readRows.DeleteAsync(stale);
            productPathsChecked = false;
        }

        if (!productPathsChecked)
        {
            if (await productPaths.ResyncAllAsync() is > 0 and var fixedRows)
            {
                LogProductPathsRepaired(logger, fixedRows);
            }

            productPathsChecked = true;
        }
    }

    /// <summary>After a move: the subtree's category rows, then its products' paths, which read those rows.</summary>
    private async Task MoveSubtreeRowsAsync(long id, IReadOnlyList<long> path)
    {
        try
        {
            await readRows.RebaseDescendantsAsync(id, path);
            await productPaths.ResyncSubtreeAsync(id);
        }
        catch
        {
            productPathsChecked = false;
            throw;
        }
    }

    private async Task ApplyAsync(CategorySnapshot next)
    {
        var shape = tree!;
        var path = next.ParentId is { } parent ? [.. shape.PathOf(parent), next.Id] : new[] { next.Id };
        try
        {
            await Category(next.Id).ApplyAsync(next, path);
        }
        catch
        {
            // Whether the category stored the change is unknown: load the tree again before the next change.
            tree = null;
            productPathsChecked = false;
            throw;
        }

        shape.Put(next.Id, next.ParentId, next.Name, next.Version);
    }

    private async Task FinishPendingDeletesAsync()
    {
        foreach (var pending in Pending.ToList())
        {
            LogResumingDelete(logger, pending.RootId, pending.CategoryIds.Count);
            await FinishAsync(pending);
        }
    }

    /// <summary>Removes every category of the subtree, unlinks every product that links to one, then drops the intent.</summary>
    private async Task FinishAsync(PendingCategoryDelete pending)
    {
        await ForEachAsync(pending.CategoryIds, id => Category(id).RemoveAsync());
        var removed = pending.CategoryIds.ToHashSet();
        var products = (await readRows.ProductsInAsync(pending.CategoryIds)).Concat(recentLinks.ProductsLinkedTo(removed)).Distinct().ToList();
        await ForEachAsync(products, id => GrainFactory.GetGrain<IProductGrain>(id).UnlinkCategoriesAsync(pending.CategoryIds));
        Pending.Remove(pending);
        await intents.WriteStateAsync();
    }

    private static async Task ForEachAsync(IReadOnlyList<long> ids, Func<long, Task> call)
    {
        for (var i = 0; i < ids.Count; i += Parallelism)
        {
            await Task.WhenAll(ids.Skip(i).Take(Parallelism).Select(call));
        }
    }

    /// <summary>The tree, loaded again after a failure; interleaved callers share one load.</summary>
    private async Task<CategoryTree> TreeAsync()
    {
        if (tree is { } loaded)
        {
            return loaded;
        }

        loading ??= LoadAsync();
        try
        {
            return tree = await loading;
        }
        finally
        {
            loading = null;
        }
    }

    private async Task<CategoryTree> LoadAsync()
    {
        var deleting = Pending.SelectMany(d => d.CategoryIds).ToHashSet();
        var stored = await storedStates.CategoriesAsync();
        var loaded = CategoryTree.Build(stored.Where(c => !deleting.Contains(c.Id)));
        LogLoaded(logger, loaded.Count);
        return loaded;
    }

    private static CatalogError? Precondition(CategoryTree shape, long id, long? expectedVersion)
    {
        if (!shape.Contains(id))
        {
            return new CatalogError(CatalogErrorKind.NotFound, $"Category {id} does not exist.");
        }

        var version = shape.VersionOf(id);
        return expectedVersion is { } expected && expected != version
            ? new CatalogError(CatalogErrorKind.PreconditionFailed, $"Category {id} is at version {version}, not {expected}.")
            : null;
    }

    private ICategoryGrain Category(long id) => GrainFactory.GetGrain<ICategoryGrain>(id);

    private static CatalogError Invalid(string field, string message) =>
        new(CatalogErrorKind.Validation, "The category is not valid.", new Dictionary<string, string[]> { [field] = [message] });

    [LoggerMessage(Level = LogLevel.Information, Message = "Category tree loaded: {Count} categories")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} product read rows had a category path their category's row does not show; repaired")]
    private static partial void LogProductPathsRepaired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finishing the delete of category {RootId} ({Count} categories) that a crash interrupted")]
    private static partial void LogResumingDelete(ILogger logger, long rootId, int count);
}
