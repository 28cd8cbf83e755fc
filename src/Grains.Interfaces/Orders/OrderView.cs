namespace Commerce.Grains.Interfaces.Orders;

/// <summary>An order with its lines' snapshots (title, SKU and price as they were when it was placed).</summary>
[GenerateSerializer, Immutable, Alias("Commerce.OrderView")]
public sealed record OrderView(
    [property: Id(0)] long Id,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] OrderStatus Status,
    [property: Id(3)] IReadOnlyList<OrderLine> Items,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] long Version)
{
    public decimal Total => Items.Sum(i => i.LineTotal);
}

[GenerateSerializer, Immutable, Alias("Commerce.OrderLine")]
public sealed record OrderLine(
    [property: Id(0)] long ProductId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Sku,
    [property: Id(3)] decimal UnitPrice,
    [property: Id(4)] long Quantity)
{
    public decimal LineTotal => UnitPrice * Quantity;
}

[GenerateSerializer, Alias("Commerce.OrderStatus")]
public enum OrderStatus
{
    Placed,
    Cancelled,
}
