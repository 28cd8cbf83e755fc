using Commerce.Grains.Carts;
using Commerce.Grains.Orders;

namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// The stock rules between products, carts and orders (docs/adr/006), on a quiet system: for every product
/// <c>on_hand = initial + adjustments − ordered + cancelled</c> with ordered and cancelled summed over the order
/// states, <c>0 ≤ reserved ≤ on_hand</c>, and its reservations are exactly the lines of live carts (plus orders still
/// being placed). A cart past its expiry by more than a minute that still holds units is a violation too.
/// </summary>
internal static class StockChecks
{
    private static readonly TimeSpan ExpiryGrace = TimeSpan.FromMinutes(1);

    public static IEnumerable<string> Violations(StoredCatalog stored, DateTimeOffset now)
    {
        var sold = Sum(stored.Orders.Values.Where(o => o.Step is OrderStep.Committed or OrderStep.Cancelling or OrderStep.Cancelled));
        var returned = Sum(stored.Orders.Values.Where(o => o.Step is OrderStep.Cancelled));
        foreach (var (id, product) in stored.Products.OrderBy(p => p.Key))
        {
            var stock = product.Stock;
            var expected = stock.Initial + stock.Adjusted - sold.GetValueOrDefault(id) + returned.GetValueOrDefault(id);
            if (stock.OnHand != expected)
            {
                yield return $"on_hand = initial + adjustments - ordered + cancelled: product {id}: on_hand {stock.OnHand}, " +
                    $"{stock.Initial} + {stock.Adjusted} - {sold.GetValueOrDefault(id)} + {returned.GetValueOrDefault(id)} = {expected}";
            }

            if (stock.OnHand < 0 || stock.Reserved < 0 || stock.Reserved > stock.OnHand)
            {
                yield return $"0 <= reserved <= on_hand: product {id}: on_hand {stock.OnHand}, reserved {stock.Reserved}";
            }

            foreach (var violation in HolderViolations(stored, id, stock.Reservations, now))
            {
                yield return violation;
            }
        }

        foreach (var (cartId, cart) in stored.Carts.OrderBy(c => c.Key))
        {
            foreach (var (productId, quantity) in cart.Lines.Where(l => stored.Products.ContainsKey(l.Key)))
            {
                if (stored.Products[productId].Stock.HeldBy(CartHolder.Of(cartId)) != quantity)
                {
                    yield return $"reserved = live cart lines: cart {cartId} has {quantity} of product {productId}, " +
                        $"which holds {stored.Products[productId].Stock.HeldBy(CartHolder.Of(cartId))} for it";
                }
            }
        }
    }

    private static IEnumerable<string> HolderViolations(StoredCatalog stored, long productId, IReadOnlyDictionary<string, long> reservations, DateTimeOffset now)
    {
        foreach (var (holder, quantity) in reservations.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (holder.StartsWith(CartHolder.Prefix, StringComparison.Ordinal)
                && Guid.TryParse(holder[CartHolder.Prefix.Length..], out var cartId))
            {
                if (!stored.Carts.TryGetValue(cartId, out var cart) || cart.Lines.GetValueOrDefault(productId) != quantity)
                {
                    yield return $"reserved = live cart lines: product {productId} holds {quantity} for {holder}, which has no such line";
                }
                else if (cart.ExpiresAt + ExpiryGrace < now)
                {
                    yield return $"reservations end with their cart: product {productId} holds {quantity} for {holder}, expired at {cart.ExpiresAt:O}";
                }
            }
            else if (!(holder.StartsWith(OrderHolder.Prefix, StringComparison.Ordinal)
                && long.TryParse(holder[OrderHolder.Prefix.Length..], out var orderId)
                && stored.Orders.TryGetValue(orderId, out var order) && order.Step is OrderStep.Reserving or OrderStep.Placed))
            {
                yield return $"reservations have a live holder: product {productId} holds {quantity} for {holder}";
            }
        }
    }

    private static Dictionary<long, long> Sum(IEnumerable<OrderState> orders) => orders
        .SelectMany(o => o.Lines)
        .GroupBy(l => l.ProductId)
        .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
}
