using Commerce.Grains.Interfaces.Orders;

namespace Commerce.Grains.Orders;

/// <summary>
/// Where an order's placement or cancellation stands; every step is persisted before the next begins. The numbers are
/// what the stored JSON holds (and what the sweep's SQL looks for): never renumber.
/// </summary>
public enum OrderStep
{
    None = 0,

    /// <summary>Asked for; reservations may be held under the order's name. Resumes by reserving every line.</summary>
    Reserving = 1,

    /// <summary>Some line was short: nothing is held, the answer is kept for repeats.</summary>
    Refused = 2,

    /// <summary>Recorded and projected; the reservations may not all be sold yet. Resumes by committing every line.</summary>
    Placed = 3,

    /// <summary>Placed and every line sold.</summary>
    Committed = 4,

    /// <summary>Cancelled and projected; units may not all be back yet. Resumes by returning every line.</summary>
    Cancelling = 5,

    /// <summary>
    /// Every unit is back; the products may still remember the order as returned. Resumes by telling them to forget
    /// it, which they may now, since this order never returns anything again.
    /// </summary>
    UnitsReturned = 7,

    Cancelled = 6,
}

public static class OrderSteps
{
    /// <summary>Steps a crash can leave an order in with work still to do.</summary>
    public static IReadOnlyList<OrderStep> Unfinished { get; } = [OrderStep.Reserving, OrderStep.Placed, OrderStep.Cancelling, OrderStep.UnitsReturned];
}

/// <summary>What an order grain persists (JSON in OrleansStorage, so the sweep finds orders left mid-step).</summary>
public sealed record OrderState
{
    public OrderStep Step { get; init; }
    public string CustomerId { get; init; } = "";
    public IReadOnlyList<RequestedLine> Requested { get; init; } = [];
    public Guid? FromCart { get; init; }
    public IReadOnlyList<OrderLine> Lines { get; init; } = [];
    public IReadOnlyList<ShortLine> ShortLines { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}
