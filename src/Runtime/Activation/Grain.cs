using Commerce.Runtime.Identity;

namespace Commerce.Runtime.Activation;

/// <summary>
/// Base class of grain implementations. The runtime guarantees that at most one call runs on an
/// activation at a time, so derived classes keep plain fields and take no locks.
/// </summary>
public abstract class Grain
{
    private GrainActivation? _activation;

    protected GrainId GrainId => Activation.Id;

    protected long GrainKey => Activation.Id.Key;

    private GrainActivation Activation =>
        _activation ?? throw new InvalidOperationException("The grain is not attached to an activation yet.");

    internal void Attach(GrainActivation activation) => _activation = activation;

    /// <summary>Runs once, after persistent state is loaded and before the first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once when the activation is collected; no call runs concurrently.</summary>
    public virtual Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asks the runtime to collect this activation as soon as the current call is done.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivationOnIdle();
}
