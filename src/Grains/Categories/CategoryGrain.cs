using Commerce.Grains.Errors;
using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Validation;
using Commerce.Grains.Storage;
using Commerce.Runtime.Activation;
using Commerce.Runtime.Storage;

namespace Commerce.Grains.Categories;

/// <summary>
/// A category. The name rules are checked here. The rules that span the tree (parent exists, level ≤ 100,
/// no cycle, unique sibling names) are checked by the tree storage inside the transaction that writes the
/// state, under a tree-wide lock, so they hold however many silos write at once (docs/adr/002).
/// </summary>
public sealed class CategoryGrain(IPersistentState<CategoryState> category, TimeProvider time) : Grain, ICategoryGrain
{
    public async Task<CatalogResult<CategorySnapshot>> CreateAsync(CategoryDraft draft)
    {
        if (category.State is not null)
        {
            return new CatalogError(CatalogErrorKind.Conflict, $"Category {GrainKey} already exists.");
        }

        var errors = new FieldErrors();
        var name = Name(draft.Name, errors);
        var now = CatalogClock.Now(time);
        var result = errors.IsEmpty ? await WriteAsync(new CategoryState(name, draft.ParentId, now, now)) : Invalid(errors);
        if (!result.IsSuccess)
        {
            DeactivateOnIdle();
        }

        return result;
    }

    public Task<CategorySnapshot?> GetAsync()
    {
        if (category.State is null)
        {
            DeactivateOnIdle();
        }

        return Task.FromResult(Snapshot());
    }

    public async Task<CatalogResult<CategorySnapshot>> UpdateAsync(CategoryPatch patch, long? expectedVersion)
    {
        if (Precondition(expectedVersion) is { } refusal)
        {
            return refusal;
        }

        var current = category.State!;
        var errors = new FieldErrors();
        var changed = current with
        {
            Name = patch.Name.IsSet ? Name(patch.Name.Value, errors) : current.Name,
            ParentId = patch.ParentId.IsSet ? patch.ParentId.Value : current.ParentId,
        };
        if (!errors.IsEmpty)
        {
            return Invalid(errors);
        }

        // Refused exactly like a move under a descendant (which the tree storage finds), so both read the same.
        if (changed.ParentId == GrainKey)
        {
            return CatalogError.Invalid("parent_id", CategoryTreeException.Cycle().Message);
        }

        return changed == current
            ? CatalogResult<CategorySnapshot>.Success(Snapshot()!)
            : await WriteAsync(changed with { UpdatedAt = CatalogClock.Next(time, current.UpdatedAt) });
    }

    public async Task<DeleteResult> DeleteAsync(long? expectedVersion)
    {
        if (Precondition(expectedVersion) is { } refusal)
        {
            return new DeleteResult(refusal);
        }

        // The storage removes the whole subtree and unlinks its products in one transaction.
        await category.ClearAsync();
        DeactivateOnIdle();
        return DeleteResult.Deleted;
    }

    private CatalogError? Precondition(long? expectedVersion)
    {
        if (category.State is null)
        {
            return new CatalogError(CatalogErrorKind.NotFound, $"Category {GrainKey} does not exist.");
        }

        return expectedVersion is { } expected && expected != category.Version
            ? new CatalogError(CatalogErrorKind.PreconditionFailed, $"Category {GrainKey} has changed since version {expected}.")
            : null;
    }

    private async Task<CatalogResult<CategorySnapshot>> WriteAsync(CategoryState state)
    {
        try
        {
            await category.WriteAsync(state);
            return CatalogResult<CategorySnapshot>.Success(Snapshot()!);
        }
        catch (DuplicateCategoryNameException ex)
        {
            return new CatalogError(CatalogErrorKind.Conflict, ex.Message, new Dictionary<string, string[]> { ["name"] = ["is already used by a sibling category."] });
        }
        catch (CategoryNotFoundException ex)
        {
            return new CatalogError(CatalogErrorKind.ReferenceNotFound, ex.Message, new Dictionary<string, string[]> { [ex.Field] = ["does not exist."] });
        }
        catch (CategoryTreeException ex)
        {
            return CatalogError.Invalid("parent_id", ex.Message);
        }
    }

    private static string Name(string? raw, FieldErrors errors)
    {
        errors.AddIfAny("name", CatalogText.TryNormalize(raw, CategoryTreeRules.MaxNameLength, out var name));
        return name;
    }

    private CategorySnapshot? Snapshot() => category.State is { } s
        ? new CategorySnapshot(GrainKey, s.Name, s.ParentId, s.CreatedAt, s.UpdatedAt, category.Version)
        : null;

    private static CatalogError Invalid(FieldErrors errors) =>
        new(CatalogErrorKind.Validation, "The category is not valid.", errors.ToDictionary());
}
