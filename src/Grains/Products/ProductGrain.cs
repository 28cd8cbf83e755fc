using Commerce.Grains.Activations;
using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Skus;
using Commerce.Grains.Interfaces.Stock;
using Commerce.Grains.Interfaces.Validation;
using Commerce.Grains.Stock;
using Commerce.Grains.Storage;
using Commerce.Grains.Telemetry;

namespace Commerce.Grains.Products;

/// <summary>
/// A product. Field rules are checked here; the SKU is claimed from its <see cref="ISkuGrain"/> and the category
/// checked with the <see cref="ICategoryTreeGrain"/> before the state is written, and the read row is written before
/// the call answers, so a 2xx is visible to every later read (docs/adr/004).
/// </summary>
public sealed class ProductGrain(
    [PersistentState(GrainStorageNames.Product, GrainStorageNames.Provider)] IPersistentState<ProductState> product,
    ProductReadRow readRow,
    MutationMetrics mutations,
    TimeProvider time) : Grain, IProductGrain
{
    private long Id => this.GetPrimaryKeyLong();

    /// <summary>A SKU claimed for a write still in progress, which <see cref="HoldsSkuAsync"/> must count as held.</summary>
    private string? claiming;

    private bool Exists => product.State.Version > 0;

    private EmptyActivation Empty => field ??= new(this, () => !Exists);

    public Task<CatalogResult<ProductSnapshot>> CreateAsync(ProductDraft draft) => CommandAsync(async () =>
    {
        if (Exists)
        {
            return new CatalogError(CatalogErrorKind.Conflict, $"Product {Id} already exists.");
        }

        var errors = new FieldErrors();
        var state = ProductRules.TryCreate(draft, CatalogClock.Now(time), errors);
        var refusal = state is null ? Invalid(errors) : await CheckReferencesAsync(state, previous: null);
        if (refusal is not null)
        {
            Empty.ForgetSoon();
            return refusal;
        }

        await WriteAsync(state!);
        mutations.Record(MutationMetrics.Product, MutationMetrics.Create);
        return Success();
    });

    public Task<ProductSnapshot?> GetAsync()
    {
        if (!Exists)
        {
            // Ids never created (or probed at random) keep no activation for long.
            Empty.ForgetSoon();
        }

        return Task.FromResult(Snapshot());
    }

    public Task<CatalogResult<ProductSnapshot>> UpdateAsync(ProductPatch patch, long? expectedVersion) => CommandAsync(async () =>
    {
        if (Precondition(expectedVersion) is { } refused)
        {
            return refused;
        }

        var current = product.State;
        var errors = new FieldErrors();
        var changed = ProductRules.TryApply(current, patch, errors);
        if (changed is null)
        {
            return Invalid(errors);
        }

        if (changed == current)
        {
            return Success();
        }

        if (await CheckReferencesAsync(changed, current) is { } refusal)
        {
            return refusal;
        }

        await WriteAsync(changed with { UpdatedAt = CatalogClock.Next(time, current.UpdatedAt), Version = current.Version + 1 });
        if (changed.Sku != current.Sku)
        {
            await Sku(current.Sku).ReleaseAsync(Id);
        }

        mutations.Record(MutationMetrics.Product, MutationMetrics.Update);
        return Success();
    });

    public Task<CatalogResult<ProductStock>> AdjustStockAsync(StockAdjustment adjustment) => CommandAsync<CatalogResult<ProductStock>>(async () =>
    {
        if (!Exists)
        {
            Empty.ForgetSoon();
            return new CatalogError(CatalogErrorKind.NotFound, $"Product {Id} does not exist.");
        }

        var current = product.State;
        if (current.Stock.AnswerOf(adjustment.AdjustmentId) is { } answered)
        {
            return answered.Refused ? TooFewUnits(answered.Stock, adjustment.Delta) : CatalogResult<ProductStock>.Success(answered.Stock);
        }

        var errors = new FieldErrors();
        errors.AddIfAny("delta", StockRules.CheckDelta(adjustment.Delta));
        errors.AddIfAny("reason", StockRules.TryNormalizeReason(adjustment.Reason, out _));
        if (!errors.IsEmpty)
        {
            return new CatalogError(CatalogErrorKind.Validation, "The stock adjustment is not valid.", errors.ToDictionary());
        }

        if (current.Stock.TryAdjust(adjustment.AdjustmentId, adjustment.Delta!.Value) is not { } adjusted)
        {
            // Remembered without a new version: nothing a client sees of the product changed.
            await StateConflicts.WriteAsync(product, current with { Stock = current.Stock.Refusing(adjustment.AdjustmentId) });
            return TooFewUnits(current.Stock.Figures(), adjustment.Delta);
        }

        await WriteStockAsync(adjusted);
        mutations.Record(MutationMetrics.Product, MutationMetrics.StockAdjustment);
        return CatalogResult<ProductStock>.Success(adjusted.Figures());
    });

    public Task<Reservation> ReserveAsync(string holder, long quantity) => CommandAsync(async () =>
    {
        if (!Exists)
        {
            Empty.ForgetSoon();
            return Reservation.NoProduct;
        }

        var current = product.State;
        var stock = current.Stock;
        var most = stock.AvailableTo(holder);
        if (quantity > most)
        {
            return new Reservation(ReservationOutcome.Insufficient, most, Line());
        }

        if (quantity != stock.HeldBy(holder))
        {
            await WriteStockAsync(stock.WithReservation(holder, quantity));
        }

        return new Reservation(ReservationOutcome.Held, most, Line());
    });

    public Task<Reservation> TransferAsync(string from, string to, long quantity) => CommandAsync(async () =>
    {
        if (!Exists)
        {
            Empty.ForgetSoon();
            return Reservation.NoProduct;
        }

        var stock = product.State.Stock;
        var most = stock.AvailableForTransfer(from, to);
        if (quantity > most)
        {
            return new Reservation(ReservationOutcome.Insufficient, most, Line());
        }

        if (stock.HeldBy(to) != quantity || (from != to && stock.HeldBy(from) != 0))
        {
            await WriteStockAsync(stock.Transferred(from, to, quantity));
        }

        return new Reservation(ReservationOutcome.Held, most, Line());
    });

    public Task CommitAsync(string holder) => CommandAsync(async () =>
    {
        if (Exists && product.State.Stock.HeldBy(holder) > 0)
        {
            await WriteStockAsync(product.State.Stock.Committed(holder));
        }

        return true;
    });

    public Task ReturnAsync(long orderId, long quantity) => CommandAsync(async () =>
    {
        // A deleted product takes no units back: there is no stock left to return them to.
        if (Exists && !product.State.Stock.Returned.Contains(orderId))
        {
            await WriteStockAsync(product.State.Stock.ReturnedFrom(orderId, quantity));
        }

        return true;
    });

    public Task ForgetReturnAsync(long orderId) => CommandAsync(async () =>
    {
        if (Exists && product.State.Stock.Returned.Contains(orderId))
        {
            // Bookkeeping only: no new version, the read row is unchanged.
            await StateConflicts.WriteAsync(product, product.State with { Stock = product.State.Stock.Forgetting(orderId) });
        }

        return true;
    });

    public Task<DeleteResult> DeleteAsync(long? expectedVersion) => CommandAsync(async () =>
    {
        if (Precondition(expectedVersion) is { } refusal)
        {
            return new DeleteResult(refusal);
        }

        var sku = product.State.Sku;
        await product.ClearStateAsync();
        await readRow.DeleteAsync(Id);
        await Sku(sku).ReleaseAsync(Id);
        mutations.Record(MutationMetrics.Product, MutationMetrics.Delete);
        Empty.ForgetSoon();
        return DeleteResult.Deleted;
    });

    public Task UnlinkCategoriesAsync(IReadOnlyList<long> categoryIds) => CommandAsync(async () =>
    {
        var current = product.State;
        if (Exists && current.CategoryId is { } category && categoryIds.Contains(category))
        {
            await WriteAsync(current with { CategoryId = null, UpdatedAt = CatalogClock.Next(time, current.UpdatedAt), Version = current.Version + 1 });
        }

        return true;
    });

    public Task<bool> HoldsSkuAsync(string sku) => Task.FromResult(claiming == sku || (Exists && product.State.Sku == sku));

    public async Task RepairReadRowAsync()
    {
        if (Exists)
        {
            await readRow.WriteAsync(Id, product.State);
        }
        else
        {
            await readRow.DeleteAsync(Id);
            Empty.ForgetSoon();
        }
    }

    /// <summary>The category must exist and the SKU must be free (or already this product's).</summary>
    private async Task<CatalogError?> CheckReferencesAsync(ProductState next, ProductState? previous)
    {
        if (next.CategoryId is { } category && category != previous?.CategoryId &&
            !await GrainFactory.GetGrain<ICategoryTreeGrain>(ICategoryTreeGrain.Key).CheckLinkAsync(category, Id))
        {
            return new CatalogError(CatalogErrorKind.ReferenceNotFound, $"Category {category} does not exist.",
                new Dictionary<string, string[]> { ["category_id"] = ["does not exist."] });
        }

        claiming = next.Sku;
        if (next.Sku != previous?.Sku && !await Sku(next.Sku).ClaimAsync(Id))
        {
            return new CatalogError(CatalogErrorKind.Conflict, $"A product with SKU '{next.Sku}' already exists.",
                new Dictionary<string, string[]> { ["sku"] = ["is already used by another product."] });
        }

        return null;
    }

    /// <summary>A stock change is a change of the product: new version (ETag) and updated_at, and its read row.</summary>
    private async Task WriteStockAsync(StockState stock)
    {
        var current = product.State;
        var next = current with { Stock = stock, UpdatedAt = CatalogClock.Next(time, current.UpdatedAt), Version = current.Version + 1 };
        await StateConflicts.WriteAsync(product, next);
        await readRow.WriteStockAsync(Id, next, current.Version);
    }

    /// <summary>State first (the truth), then its read row, both before the caller hears of it.</summary>
    private async Task WriteAsync(ProductState state)
    {
        await StateConflicts.WriteAsync(product, state);
        await readRow.WriteAsync(Id, state);
    }

    private async Task<T> CommandAsync<T>(Func<Task<T>> command)
    {
        try
        {
            return await StateConflicts.RetryAsync(product, command);
        }
        finally
        {
            claiming = null;
        }
    }

    private CatalogError? Precondition(long? expectedVersion)
    {
        if (!Exists)
        {
            return new CatalogError(CatalogErrorKind.NotFound, $"Product {Id} does not exist.");
        }

        return expectedVersion is { } expected && expected != product.State.Version
            ? new CatalogError(CatalogErrorKind.PreconditionFailed, $"Product {Id} is at version {product.State.Version}, not {expected}.")
            : null;
    }

    private ISkuGrain Sku(string sku) => GrainFactory.GetGrain<ISkuGrain>(sku);

    private ProductLine Line() => new(Id, product.State.Title, product.State.Sku, product.State.Price);

    private CatalogResult<ProductSnapshot> Success() => CatalogResult<ProductSnapshot>.Success(Snapshot()!);

    private ProductSnapshot? Snapshot() => Exists && product.State is var s
        ? new ProductSnapshot(Id, s.Title, s.Description, s.ImageUrl, s.Sku, s.Price, s.CategoryId, s.CreatedAt, s.UpdatedAt, s.Version, s.Stock.Figures())
        : null;

    private CatalogError TooFewUnits(ProductStock stock, long? delta) =>
        new(CatalogErrorKind.Conflict,
            $"Product {Id} has {stock.OnHand} on hand and {stock.Reserved} reserved; a change of {delta} would leave fewer units than are reserved.",
            new Dictionary<string, string[]> { ["delta"] = [$"would leave on_hand below reserved ({stock.Reserved})."] });

    private static CatalogError Invalid(FieldErrors errors) =>
        new(CatalogErrorKind.Validation, "The product is not valid.", errors.ToDictionary());
}
