using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Skus;
using Commerce.Grains.Storage;

namespace Commerce.Grains.Skus;

/// <summary>
/// One SKU. A product claims it before writing it into its state and releases it after writing another one, so at
/// most one product's state can carry it. A claim left behind by a crash (the product died before writing, or after
/// writing a different SKU but before releasing) is noticed when another product asks: the holder is asked whether
/// it still carries the SKU (or is writing it), and loses it when not.
/// </summary>
public sealed class SkuGrain(
    [PersistentState(GrainStorageNames.Sku, GrainStorageNames.Provider)] IPersistentState<SkuState> sku) : Grain, ISkuGrain
{
    public async Task<bool> ClaimAsync(long productId)
    {
        if (sku.State.ProductId is { } holder && holder != productId &&
            await GrainFactory.GetGrain<IProductGrain>(holder).HoldsSkuAsync(this.GetPrimaryKeyString()))
        {
            return false;
        }

        if (sku.State.ProductId != productId)
        {
            await StateConflicts.WriteAsync(sku, new SkuState { ProductId = productId });
        }

        return true;
    }

    public async Task ReleaseAsync(long productId)
    {
        if (sku.State.ProductId == productId)
        {
            await StateConflicts.WriteAsync(sku, new SkuState());
        }

        DeactivateOnIdle();
    }
}
