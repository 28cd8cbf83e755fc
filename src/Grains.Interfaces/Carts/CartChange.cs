namespace Commerce.Grains.Interfaces.Carts;

[GenerateSerializer, Alias("Commerce.CartChangeOutcome")]
public enum CartChangeOutcome
{
    Changed,
    NoCart,
    NoProduct,

    /// <summary>Not enough units; <see cref="CartChange.Available"/> is the most this cart could hold of the product.</summary>
    Insufficient,

    /// <summary>The quantity is outside 1–1000.</summary>
    InvalidQuantity,
}

/// <summary>The outcome of setting a cart line: the cart after it, or why not.</summary>
[GenerateSerializer, Immutable, Alias("Commerce.CartChange")]
public sealed record CartChange(
    [property: Id(0)] CartChangeOutcome Outcome,
    [property: Id(1)] CartView? Cart,
    [property: Id(2)] long Available = 0);
