namespace Commerce.Grains.Interfaces.Orders;

/// <summary>A placement's answer: the order, or every line that was short (nothing was taken).</summary>
[GenerateSerializer, Immutable, Alias("Commerce.OrderOutcome")]
public sealed record OrderOutcome(
    [property: Id(0)] OrderView? Order,
    [property: Id(1)] IReadOnlyList<ShortLine> ShortLines);

/// <param name="Available">What could be had of the product; 0 for a product that does not exist.</param>
[GenerateSerializer, Immutable, Alias("Commerce.ShortLine")]
public sealed record ShortLine(
    [property: Id(0)] long ProductId,
    [property: Id(1)] long Requested,
    [property: Id(2)] long Available,
    [property: Id(3)] bool Exists);
