using Commerce.Runtime.Activation;
using Commerce.Runtime.Storage;

namespace Commerce.Tests.Runtime.TestGrains;

public sealed class TestGrain : Grain, ITestGrain
{
    public const string TypeName = "test";

    private readonly IPersistentState<CounterState> _counter;
    private readonly GrainProbe _probe;
    private readonly int _instance;
    private int? _valueSeenOnActivate;

    public TestGrain(IPersistentState<CounterState> counter, GrainProbe probe)
    {
        _counter = counter;
        _probe = probe;
        _instance = probe.OnConstructed();
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _valueSeenOnActivate = _counter.State?.Value;
        _probe.Record(GrainKey, GrainEvent.Activated);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        _probe.Record(GrainKey, GrainEvent.Deactivated);
        return Task.CompletedTask;
    }

    public Task<int> GetInstanceAsync() => Task.FromResult(_instance);

    public Task<int?> GetValueAsync() => Task.FromResult(_counter.State?.Value);

    public Task<long> GetVersionAsync() => Task.FromResult(_counter.Version);

    public Task<int?> GetValueSeenOnActivateAsync() => Task.FromResult(_valueSeenOnActivate);

    public async Task<int> IncrementAsync()
    {
        _probe.Record(GrainKey, GrainEvent.IncrementAttempted);
        var next = (_counter.State?.Value ?? 0) + 1;
        await _counter.WriteAsync(new CounterState(next));
        return next;
    }

    public Task SetValueAsync(int value) => _counter.WriteAsync(new CounterState(value));

    public async Task TrackConcurrencyAsync()
    {
        _probe.EnterTurn();
        try
        {
            await Task.Yield();
            await Task.Delay(1);
        }
        finally
        {
            _probe.ExitTurn();
        }
    }

    public async Task RecordAsync(int sequence)
    {
        await Task.Yield();
        _probe.RecordRun(sequence);
    }

    public Task MeetAsync(int participants) => _probe.MeetAsync(participants);

    public Task BlockAsync() => _probe.BlockAsync();

    public async Task ThrowAsync(string message)
    {
        await Task.Yield();
        throw new TestGrainException(message);
    }

    public Task ThrowBeforeAwaitingAsync(string message) => throw new TestGrainException(message);

    public Task DeactivateAfterThisCallAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
