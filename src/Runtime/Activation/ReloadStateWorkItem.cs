namespace Commerce.Runtime.Activation;

/// <summary>
/// Reloads an activation's state from storage after someone changed it outside the grain (a category delete
/// unlinking products). Queued like a call, so every call queued after it sees the new state.
/// </summary>
internal sealed class ReloadStateWorkItem : ActivationWorkItem
{
    public override Task RunAsync(GrainActivation activation) => activation.TryReloadStateAsync();

    public override void Fail(Exception reason)
    {
        // Nobody waits for a reload: an activation that never runs it is gone and loads fresh state anyway.
    }
}
