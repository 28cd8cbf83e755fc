using Commerce.Grains.Activations;
using Commerce.Grains.Interfaces.Carts;
using Commerce.Grains.Interfaces.Orders;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Stock;
using Commerce.Grains.Interfaces.Validation;
using Commerce.Grains.Storage;
using Commerce.Grains.Telemetry;
using Microsoft.Extensions.Options;

namespace Commerce.Grains.Carts;

/// <summary>
/// A cart whose lines are reservations on the products (docs/adr/006). Expiry is checked on every call against the
/// injected clock, and by a reminder that wakes the cart on whichever silo holds it, so the reservations come back
/// even when nobody asks and the silo that held the cart died.
/// </summary>
public sealed class CartGrain(
    [PersistentState(GrainStorageNames.Cart, GrainStorageNames.Provider)] IPersistentState<CartState> cart,
    IOptions<CartOptions> options,
    ShoppingMetrics metrics,
    CartClock clock) : Grain, ICartGrain, IRemindable
{
    private const string ExpiryReminder = "cart-expiry";

    private string Holder => CartHolder.Of(this.GetPrimaryKey());

    private EmptyActivation Empty => field ??= new(this, () => !cart.State.Exists);

    public Task<CartView> CreateAsync() => StateConflicts.RetryAsync(cart, async () =>
    {
        if (!cart.State.Exists)
        {
            await StateConflicts.WriteAsync(cart, new CartState { Exists = true, Id = this.GetPrimaryKey(), ExpiresAt = ExpiryFromNow() });
            var period = options.Value.ExpiryCheckPeriod;
            await this.RegisterOrUpdateReminder(ExpiryReminder, period, period);
        }

        return await ViewAsync();
    });

    public async Task<CartView?> GetAsync() => await LiveAsync() ? await ViewAsync() : null;

    public async Task<CartChange> SetItemAsync(long productId, long quantity)
    {
        if (!await LiveAsync())
        {
            return new CartChange(CartChangeOutcome.NoCart, null);
        }

        if (CartRules.CheckQuantity(quantity) is not null)
        {
            return new CartChange(CartChangeOutcome.InvalidQuantity, null);
        }

        if (!cart.State.Touched.Contains(productId))
        {
            await StateConflicts.WriteAsync(cart, cart.State with { Touched = [.. cart.State.Touched, productId] });
        }

        var reservation = await Product(productId).ReserveAsync(Holder, quantity);
        switch (reservation.Outcome)
        {
            case ReservationOutcome.NoProduct:
                return new CartChange(CartChangeOutcome.NoProduct, null);
            case ReservationOutcome.Insufficient:
                return new CartChange(CartChangeOutcome.Insufficient, null, reservation.Available);
        }

        var lines = new Dictionary<long, long>(cart.State.Lines) { [productId] = quantity };
        await StateConflicts.WriteAsync(cart, cart.State with { Lines = lines, ExpiresAt = ExpiryFromNow() });
        return new CartChange(CartChangeOutcome.Changed, await ViewAsync());
    }

    public async Task<bool> RemoveItemAsync(long productId)
    {
        if (!await LiveAsync())
        {
            return false;
        }

        await Product(productId).ReserveAsync(Holder, 0);
        var lines = new Dictionary<long, long>(cart.State.Lines);
        lines.Remove(productId);
        await StateConflicts.WriteAsync(cart, cart.State with { Lines = lines, ExpiresAt = ExpiryFromNow() });
        return true;
    }

    public async Task<CartCheckout> CheckoutAsync(long orderId, string customerId)
    {
        if (cart.State.CheckoutOrderId is null)
        {
            if (!await LiveAsync())
            {
                return new CartCheckout(CartCheckoutOutcome.NoCart);
            }

            if (cart.State.Lines.Count == 0)
            {
                return new CartCheckout(CartCheckoutOutcome.EmptyCart);
            }

            await StateConflicts.WriteAsync(cart, cart.State with { CheckoutOrderId = orderId, CheckoutCustomerId = customerId });
        }

        // A checkout already under way (a repeat, or one a crash cut short) goes on with its own order.
        return new CartCheckout(CartCheckoutOutcome.Ordered, await FinishCheckoutAsync());
    }

    /// <summary>Asks the order to take the lines over; once it is placed the cart is gone, otherwise it stays as it was.</summary>
    private async Task<OrderOutcome> FinishCheckoutAsync()
    {
        var state = cart.State;
        var lines = state.Lines.OrderBy(l => l.Key).Select(l => new RequestedLine(l.Key, l.Value)).ToList();
        var outcome = await GrainFactory.GetGrain<IOrderGrain>(state.CheckoutOrderId!.Value)
            .PlaceAsync(new OrderRequest(state.CheckoutCustomerId!, lines, this.GetPrimaryKey()));
        if (outcome.Order is not null)
        {
            await ForgetAsync();
        }
        else
        {
            await StateConflicts.WriteAsync(cart, cart.State with { CheckoutOrderId = null, CheckoutCustomerId = null });
        }

        return outcome;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!cart.State.Exists)
        {
            // The reminder outlived its cart: a crash fell between clearing the cart and unregistering it.
            await UnregisterExpiryAsync();
            Empty.ForgetSoon();
            return;
        }

        // Expires the cart (and unregisters this reminder) when its time has come.
        await LiveAsync();
    }

    /// <summary>Whether the cart exists and has not expired; an expired cart is released and cleared first.</summary>
    private async Task<bool> LiveAsync()
    {
        if (cart.State.CheckoutOrderId is not null)
        {
            // A checkout a crash cut short: finish it before anything else (the cart may be gone after).
            await FinishCheckoutAsync();
        }

        if (!cart.State.Exists)
        {
            Empty.ForgetSoon();
            return false;
        }

        if (clock.Time.GetUtcNow() < cart.State.ExpiresAt)
        {
            return true;
        }

        await ExpireAsync();
        return false;
    }

    /// <summary>Gives every reservation back, then forgets the cart; each step may be repeated after a crash.</summary>
    private async Task ExpireAsync()
    {
        await ForgetAsync();
        metrics.CartExpired();
    }

    /// <summary>
    /// Releases whatever the cart may still hold on any product it touched (after a checkout, the order took the lines
    /// over and these calls change nothing), then clears it.
    /// </summary>
    private async Task ForgetAsync()
    {
        await Task.WhenAll(cart.State.Touched.Select(id => Product(id).ReserveAsync(Holder, 0)));
        await cart.ClearStateAsync();
        cart.State = new CartState();
        await UnregisterExpiryAsync();
        Empty.ForgetSoon();
    }

    private async Task UnregisterExpiryAsync()
    {
        if (await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>The lines at current prices; a product deleted meanwhile took its reservation with it, so its line is gone.</summary>
    private async Task<CartView> ViewAsync()
    {
        var lines = cart.State.Lines;
        var products = await Task.WhenAll(lines.Keys.Select(id => Product(id).GetAsync()));
        var items = products.OfType<ProductSnapshot>()
            .Select(p => new CartLine(p.Id, p.Title, p.Sku, p.Price, lines[p.Id]))
            .OrderBy(l => l.ProductId)
            .ToList();
        return new CartView(this.GetPrimaryKey(), items, cart.State.ExpiresAt);
    }

    private DateTimeOffset ExpiryFromNow() => CatalogClock.Now(clock.Time) + options.Value.ReservationTtl;

    private IProductGrain Product(long id) => GrainFactory.GetGrain<IProductGrain>(id);
}
