using System.Diagnostics;
using Commerce.Runtime.Calls;
using Commerce.Runtime.Storage;

namespace Commerce.Runtime.Activation;

/// <summary>A grain call waiting in, or running on, an activation's mailbox.</summary>
internal sealed class GrainCallWorkItem(GrainCall call, int maxConflictRetries) : ActivationWorkItem
{
    private const int Pending = 0, Running = 1, Abandoned = 2;

    // The activation's loop runs on the execution context of whoever created the activation, so each call
    // carries its own span and restores it while it runs: its SQL then belongs to the right trace.
    private readonly Activity? _span = Activity.Current;
    private readonly TaskCompletionSource<object?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public GrainCall Call { get; } = call;

    public Task<object?> Completion => _completion.Task;

    /// <summary>The caller gave up (timeout). If the call has not started it never will.</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Pending) == Pending;

    public override async Task RunAsync(GrainActivation activation)
    {
        if (Interlocked.CompareExchange(ref _state, Running, Pending) != Pending)
        {
            return;
        }

        Activity.Current = _span;

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var result = await Call.Method.InvokeAsync(activation.Instance, Call.Arguments);
                _completion.TrySetResult(result);
                return;
            }
            catch (InconsistentStateException) when (attempt < maxConflictRetries)
            {
                // The failed write changed nothing, so after a reload the call can run again from scratch.
                await ReloadOrFailAsync(activation);
                if (_completion.Task.IsCompleted)
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                if (ex is InconsistentStateException)
                {
                    await ReloadOrFailAsync(activation);
                }

                _completion.TrySetException(ex);
                return;
            }
        }
    }

    public override void Fail(Exception reason) => _completion.TrySetException(reason);

    private async Task ReloadOrFailAsync(GrainActivation activation)
    {
        try
        {
            await activation.ReloadStateAsync();
        }
        catch (Exception reloadFailure)
        {
            _completion.TrySetException(reloadFailure);
        }
    }
}
