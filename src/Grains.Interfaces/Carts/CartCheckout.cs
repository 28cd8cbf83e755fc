using Commerce.Grains.Interfaces.Orders;

namespace Commerce.Grains.Interfaces.Carts;

[GenerateSerializer, Alias("Commerce.CartCheckoutOutcome")]
public enum CartCheckoutOutcome
{
    /// <summary>The order was asked for; <see cref="CartCheckout.Order"/> tells whether it was placed.</summary>
    Ordered,
    NoCart,
    EmptyCart,
}

[GenerateSerializer, Immutable, Alias("Commerce.CartCheckout")]
public sealed record CartCheckout(
    [property: Id(0)] CartCheckoutOutcome Outcome,
    [property: Id(1)] OrderOutcome? Order = null);
