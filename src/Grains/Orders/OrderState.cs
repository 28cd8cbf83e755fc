using Commerce.Grains.Interfaces.Orders;

namespace Commerce.Grains.Orders;

/// <summary>Where an order's placement or cancellation stands; every step is persisted before the next begins.</summary>
public enum OrderStep
{
    None,

    /// <summary>Asked for; reservations may be held under the order's name. Resumes by reserving every line.</summary>
    Reserving,

    /// <summary>Some line was short: nothing is held, the answer is kept for repeats.</summary>
    Refused,

    /// <summary>Recorded and projected; the reservations may not all be sold yet. Resumes by committing every line.</summary>
    Placed,

    /// <summary>Placed and every line sold.</summary>
    Committed,

    /// <summary>Cancelled and projected; units may not all be back yet. Resumes by returning every line.</summary>
    Cancelling,

    Cancelled,
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
