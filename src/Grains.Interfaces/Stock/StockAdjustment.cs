namespace Commerce.Grains.Interfaces.Stock;

/// <summary>
/// A change of <c>on_hand</c> as the client sent it. <paramref name="AdjustmentId"/> names this attempt: a repeat with
/// the same id (an Idempotency-Key replay) gets the first answer and changes nothing again.
/// </summary>
[GenerateSerializer, Immutable, Alias("Commerce.StockAdjustment")]
public sealed record StockAdjustment(
    [property: Id(0)] string AdjustmentId,
    [property: Id(1)] long? Delta,
    [property: Id(2)] string? Reason);
