namespace Commerce.Grains.Interfaces.Orders;

/// <summary>
/// An order as asked for, already checked against <c>OrderRules</c>. <paramref name="FromCart"/> names the cart whose
/// reservations the lines take over at checkout; null for a direct order, which reserves the units itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("Commerce.OrderRequest")]
public sealed record OrderRequest(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] IReadOnlyList<RequestedLine> Lines,
    [property: Id(2)] Guid? FromCart = null);

[GenerateSerializer, Immutable, Alias("Commerce.RequestedLine")]
public sealed record RequestedLine([property: Id(0)] long ProductId, [property: Id(1)] long Quantity);
