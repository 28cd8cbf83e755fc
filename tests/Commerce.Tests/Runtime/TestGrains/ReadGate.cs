namespace Commerce.Tests.Runtime.TestGrains;

/// <summary>Holds one storage read: the test sees when the read has started and decides when it goes on.</summary>
public sealed class ReadGate
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the held read has started.</summary>
    public Task Entered => _entered.Task.WaitAsync(GrainProbe.WaitLimit);

    public void Release() => _released.TrySetResult();

    internal Task EnterAsync(CancellationToken cancellationToken)
    {
        _entered.TrySetResult();
        return _released.Task.WaitAsync(cancellationToken);
    }
}
