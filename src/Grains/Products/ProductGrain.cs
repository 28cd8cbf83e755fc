using Commerce.Grains.Errors;
using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Validation;
using Commerce.Grains.Storage;
using Commerce.Runtime.Activation;
using Commerce.Runtime.Storage;

namespace Commerce.Grains.Products;

/// <summary>
/// A product. Field rules are checked here; the SKU's uniqueness and the category's existence are checked by
/// the database in the same statement that writes the state, which is what keeps them true across silos.
/// </summary>
public sealed class ProductGrain(IPersistentState<ProductState> product, TimeProvider time) : Grain, IProductGrain
{
    public async Task<CatalogResult<ProductSnapshot>> CreateAsync(ProductDraft draft)
    {
        if (product.State is not null)
        {
            return new CatalogError(CatalogErrorKind.Conflict, $"Product {GrainKey} already exists.");
        }

        var errors = new FieldErrors();
        var state = ProductRules.TryCreate(draft, CatalogClock.Now(time), errors);
        var result = state is null ? Invalid(errors) : await WriteAsync(state);
        if (!result.IsSuccess)
        {
            DeactivateOnIdle();
        }

        return result;
    }

    public Task<ProductSnapshot?> GetAsync()
    {
        if (product.State is null)
        {
            // Keep no empty activations around for ids that were never created (or probed at random).
            DeactivateOnIdle();
        }

        return Task.FromResult(Snapshot());
    }

    public async Task<CatalogResult<ProductSnapshot>> UpdateAsync(ProductPatch patch, long? expectedVersion)
    {
        if (Precondition(expectedVersion) is { } refusal)
        {
            return refusal;
        }

        var current = product.State!;
        var errors = new FieldErrors();
        var changed = ProductRules.TryApply(current, patch, errors);
        if (changed is null)
        {
            return Invalid(errors);
        }

        return changed == current
            ? CatalogResult<ProductSnapshot>.Success(Snapshot()!)
            : await WriteAsync(changed with { UpdatedAt = CatalogClock.Next(time, current.UpdatedAt) });
    }

    public async Task<DeleteResult> DeleteAsync(long? expectedVersion)
    {
        if (Precondition(expectedVersion) is { } refusal)
        {
            return new DeleteResult(refusal);
        }

        await product.ClearAsync();
        DeactivateOnIdle();
        return DeleteResult.Deleted;
    }

    private CatalogError? Precondition(long? expectedVersion)
    {
        if (product.State is null)
        {
            return new CatalogError(CatalogErrorKind.NotFound, $"Product {GrainKey} does not exist.");
        }

        return expectedVersion is { } expected && expected != product.Version
            ? new CatalogError(CatalogErrorKind.PreconditionFailed, $"Product {GrainKey} has changed since version {expected}.")
            : null;
    }

    private async Task<CatalogResult<ProductSnapshot>> WriteAsync(ProductState state)
    {
        try
        {
            await product.WriteAsync(state);
            return CatalogResult<ProductSnapshot>.Success(Snapshot()!);
        }
        catch (DuplicateSkuException ex)
        {
            return new CatalogError(CatalogErrorKind.Conflict, ex.Message, new Dictionary<string, string[]> { ["sku"] = ["is already used by another product."] });
        }
        catch (CategoryNotFoundException ex)
        {
            return new CatalogError(CatalogErrorKind.ReferenceNotFound, ex.Message, new Dictionary<string, string[]> { ["category_id"] = ["does not exist."] });
        }
    }

    private ProductSnapshot? Snapshot() => product.State is { } s
        ? new ProductSnapshot(GrainKey, s.Title, s.Description, s.ImageUrl, s.Sku, s.Price, s.CategoryId, s.CreatedAt, s.UpdatedAt, product.Version)
        : null;

    private static CatalogError Invalid(FieldErrors errors) =>
        new(CatalogErrorKind.Validation, "The product is not valid.", errors.ToDictionary());
}
