namespace Commerce.Grains.Carts;

/// <summary>
/// The clock carts expire by. A service of its own, not the silo's <see cref="TimeProvider"/>, so tests can move cart
/// time forward (a fake clock) without moving the clock Orleans' membership and reminders run on.
/// </summary>
public sealed class CartClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;
}
