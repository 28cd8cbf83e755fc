using Commerce.Grains.Interfaces.Orders;

namespace Commerce.Grains.Interfaces.Carts;

/// <summary>
/// A shopping cart, keyed by its uuid. Its lines are reservations held on the products as <c>cart:&lt;uuid&gt;</c>;
/// a cart left unchanged for <c>Carts:ReservationTtl</c> expires and gives them back (docs/adr/006).
/// </summary>
[Alias("Commerce.ICartGrain")]
public interface ICartGrain : IGrainWithGuidKey
{
    [Alias("Create")]
    Task<CartView> CreateAsync();

    /// <returns>The cart at current prices, or null when it does not exist (never created, expired, checked out).</returns>
    [Alias("Get")]
    Task<CartView?> GetAsync();

    /// <summary>Sets the line to <paramref name="quantity"/>, reserving or releasing the difference at once.</summary>
    [Alias("SetItem")]
    Task<CartChange> SetItemAsync(long productId, long quantity);

    /// <summary>Drops the line and releases it; false when the cart does not exist.</summary>
    [Alias("RemoveItem")]
    Task<bool> RemoveItemAsync(long productId);

    /// <summary>
    /// Turns the cart into order <paramref name="orderId"/>, whose lines take over the cart's reservations; the cart is
    /// gone once the order is placed. A checkout cut short by a crash is finished by the cart's next call.
    /// </summary>
    [Alias("Checkout")]
    Task<CartCheckout> CheckoutAsync(long orderId, string customerId);
}
