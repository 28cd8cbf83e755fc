namespace Commerce.Runtime.Activation;

/// <summary>Something an activation does in one turn: a grain call, a state reload.</summary>
internal abstract class ActivationWorkItem
{
    /// <summary>Runs the item on the activation's turn. Must not throw: failures go to whoever waits.</summary>
    public abstract Task RunAsync(GrainActivation activation);

    /// <summary>The item will never run (the activation failed to start or was closed).</summary>
    public abstract void Fail(Exception reason);
}
