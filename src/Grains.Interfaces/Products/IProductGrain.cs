using Orleans.Concurrency;
using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Stock;

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

    /// <summary>
    /// Changes <c>on_hand</c> by the adjustment's delta; refused (conflict) when fewer units than are reserved would
    /// remain. A repeat of an adjustment id answered lately returns that answer and changes nothing.
    /// </summary>
    [Alias("AdjustStock")]
    Task<CatalogResult<ProductStock>> AdjustStockAsync(StockAdjustment adjustment);

    /// <summary>
    /// Sets what <paramref name="holder"/> (<c>cart:&lt;uuid&gt;</c>, <c>order:&lt;id&gt;</c>) holds to
    /// <paramref name="quantity"/>, 0 releasing it. An absolute quantity, so repeating the call changes nothing.
    /// </summary>
    [Alias("Reserve")]
    Task<Reservation> ReserveAsync(string holder, long quantity);

    /// <summary>
    /// Moves what <paramref name="from"/> holds to <paramref name="to"/>, which then holds <paramref name="quantity"/>
    /// (a checkout: the cart's units become the order's without ever being free). Repeating it changes nothing.
    /// </summary>
    [Alias("Transfer")]
    Task<Reservation> TransferAsync(string from, string to, long quantity);

    /// <summary>Sells what <paramref name="holder"/> holds: the units leave on_hand. A holder with nothing sells nothing.</summary>
    [Alias("Commit")]
    Task CommitAsync(string holder);

    /// <summary>Puts a cancelled order's units back, once per order whatever the number of calls.</summary>
    [Alias("Return")]
    Task ReturnAsync(long orderId, long quantity);

    /// <summary>
    /// Drops <paramref name="orderId"/> from the orders whose units came back. Only for an order that has recorded that
    /// all its units are back: after this, a return of that order would give its units again.
    /// </summary>
    [Alias("ForgetReturn")]
    Task ForgetReturnAsync(long orderId);

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
