namespace Commerce.Grains.Carts;

/// <summary>
/// What a cart persists. <see cref="Touched"/> lists every product the cart ever asked for a reservation; it is written
/// before the product is asked, so a crash between the two never leaves a reservation the cart cannot release.
/// </summary>
public sealed record CartState
{
    public bool Exists { get; init; }

    /// <summary>The cart's own uuid, so SQL and the audit can match it with the <c>cart:&lt;uuid&gt;</c> holders on products.</summary>
    public Guid Id { get; init; }
    public IReadOnlyDictionary<long, long> Lines { get; init; } = new Dictionary<long, long>();
    public IReadOnlyList<long> Touched { get; init; } = [];
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Set while a checkout is under way: the order the cart is becoming, and for whom.</summary>
    public long? CheckoutOrderId { get; init; }
    public string? CheckoutCustomerId { get; init; }
}
