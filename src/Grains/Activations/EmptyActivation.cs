namespace Commerce.Grains.Activations;

/// <summary>
/// Lets an activation that holds nothing (an id never created, deleted, or probed at random) go
/// <see cref="Lifetime"/> after it was found empty, instead of at the end of every call: deactivating each time
/// bounced the calls queued behind it from one fresh activation to the next until Orleans refused them ("forwarding
/// failed"), so a burst of requests for a missing or just-deleted id was answered 503 instead of 404. Empty
/// activations still cannot pile up: each is gone a few seconds after its first call.
/// </summary>
internal sealed class EmptyActivation(IGrainBase grain, Func<bool> isEmpty)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private IGrainTimer? _timer;

    public void ForgetSoon() => _timer ??= grain.RegisterGrainTimer(
        () =>
        {
            _timer?.Dispose();
            _timer = null;
            if (isEmpty())
            {
                grain.DeactivateOnIdle();
            }

            return Task.CompletedTask;
        },
        Lifetime,
        Timeout.InfiniteTimeSpan);
}
