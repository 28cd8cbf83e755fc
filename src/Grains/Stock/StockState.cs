using Commerce.Grains.Interfaces.Stock;

namespace Commerce.Grains.Stock;

/// <summary>
/// The stock part of a product's persisted state (docs/adr/006). Besides the current figures it keeps the ledger
/// the audit checks (<c>on_hand = initial + adjusted − ordered + cancelled</c>) and the answers of the latest
/// adjustments, refusals included, so an Idempotency-Key replay of one that crashed before answering gets the same
/// answer and changes nothing again.
/// </summary>
public sealed record StockState
{
    /// <summary>How many adjustment answers are remembered; replays come within seconds of their first attempt.</summary>
    public const int RememberedAdjustments = 32;

    public static StockState Empty { get; } = new();

    public long OnHand { get; init; }

    /// <summary>Units held per holder (<c>cart:&lt;uuid&gt;</c>, <c>order:&lt;id&gt;</c>); <c>reserved</c> is their sum.</summary>
    public IReadOnlyDictionary<string, long> Reservations { get; init; } = new Dictionary<string, long>();

    public long Initial { get; init; }
    public long Adjusted { get; init; }
    public long Ordered { get; init; }
    public long Cancelled { get; init; }

    /// <summary>
    /// Orders whose cancelled units came back, so a repeated return gives nothing twice; each order is dropped again once
    /// it has recorded that its units are back (<see cref="Forgetting"/>).
    /// </summary>
    public IReadOnlyList<long> Returned { get; init; } = [];

    /// <summary>Adjustment id → the stock it left (or found, when refused), newest last.</summary>
    public IReadOnlyList<RememberedAdjustment> RecentAdjustments { get; init; } = [];

    public long Reserved => Reservations.Values.Sum();

    public ProductStock Figures() => new(OnHand, Reserved);

    public long HeldBy(string holder) => Reservations.TryGetValue(holder, out var held) ? held : 0;

    /// <summary>The most <paramref name="holder"/> could hold: what is free plus what it holds already.</summary>
    public long AvailableTo(string holder) => OnHand - Reserved + HeldBy(holder);

    /// <summary>The holder's reservation set to <paramref name="quantity"/> (0 drops it); the caller checked <see cref="AvailableTo"/>.</summary>
    public StockState WithReservation(string holder, long quantity)
    {
        var reservations = new Dictionary<string, long>(Reservations);
        if (quantity == 0)
        {
            reservations.Remove(holder);
        }
        else
        {
            reservations[holder] = quantity;
        }

        return this with { Reservations = reservations };
    }

    /// <summary>What <paramref name="from"/> holds moved to <paramref name="to"/>, which then holds <paramref name="quantity"/>.</summary>
    public long AvailableForTransfer(string from, string to) => AvailableTo(to) + (from == to ? 0 : HeldBy(from));

    public StockState Transferred(string from, string to, long quantity) =>
        WithReservation(from, 0).WithReservation(to, quantity);

    /// <summary>The holder's units sold: they leave <c>on_hand</c> with the reservation. Nothing held, nothing sold.</summary>
    public StockState Committed(string holder) => HeldBy(holder) is var held and > 0
        ? WithReservation(holder, 0) with { OnHand = OnHand - held, Ordered = Ordered + held }
        : this;

    public StockState ReturnedFrom(long orderId, long quantity) => Returned.Contains(orderId)
        ? this
        : this with { OnHand = OnHand + quantity, Cancelled = Cancelled + quantity, Returned = [.. Returned, orderId] };

    public StockState Forgetting(long orderId) => this with { Returned = [.. Returned.Where(id => id != orderId)] };

    public static StockState Starting(long onHand) => new() { OnHand = onHand, Initial = onHand };

    public RememberedAdjustment? AnswerOf(string adjustmentId) =>
        RecentAdjustments.FirstOrDefault(a => a.AdjustmentId == adjustmentId);

    /// <returns>The state after the adjustment, or null when it would leave fewer units than are reserved.</returns>
    public StockState? TryAdjust(string adjustmentId, long delta)
    {
        var onHand = OnHand + delta;
        if (onHand < Reserved)
        {
            return null;
        }

        var next = this with { OnHand = onHand, Adjusted = Adjusted + delta };
        return next.Remembering(new RememberedAdjustment(adjustmentId, next.Figures()));
    }

    /// <summary>
    /// The refusal of an adjustment remembered with the figures that refused it: a replay must be refused alike, even
    /// when units have come in since — the first attempt may already have told the client no.
    /// </summary>
    public StockState Refusing(string adjustmentId) =>
        Remembering(new RememberedAdjustment(adjustmentId, Figures(), Refused: true));

    private StockState Remembering(RememberedAdjustment answer) =>
        this with { RecentAdjustments = [.. RecentAdjustments.Append(answer).TakeLast(RememberedAdjustments)] };
}

/// <param name="Stock">The figures after the adjustment, or the ones that refused it.</param>
public sealed record RememberedAdjustment(string AdjustmentId, ProductStock Stock, bool Refused = false);
