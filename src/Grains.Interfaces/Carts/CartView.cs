namespace Commerce.Grains.Interfaces.Carts;

/// <summary>A cart as the API shows it: lines at current prices and when it expires unless changed.</summary>
[GenerateSerializer, Immutable, Alias("Commerce.CartView")]
public sealed record CartView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] IReadOnlyList<CartLine> Items,
    [property: Id(2)] DateTimeOffset ExpiresAt)
{
    public decimal Total => Items.Sum(i => i.LineTotal);
}

[GenerateSerializer, Immutable, Alias("Commerce.CartLine")]
public sealed record CartLine(
    [property: Id(0)] long ProductId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Sku,
    [property: Id(3)] decimal UnitPrice,
    [property: Id(4)] long Quantity)
{
    public decimal LineTotal => UnitPrice * Quantity;
}
