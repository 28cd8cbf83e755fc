using System.Collections.Concurrent;

namespace Commerce.Tests.Runtime.TestGrains;

/// <summary>
/// What the test grains saw and did, and the gates that hold them inside a call. One per runtime, so
/// one per test. Every wait is bounded: a runtime that loses a call fails the test instead of hanging it.
/// </summary>
public sealed class GrainProbe
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<(long Key, GrainEvent Event), int> _counts = new();
    private readonly ConcurrentDictionary<(long Key, GrainEvent Event), TaskCompletionSource> _firsts = new();
    private readonly ConcurrentQueue<int> _runOrder = new();
    private readonly TaskCompletionSource _blockEntered = NewSignal();
    private readonly TaskCompletionSource _blockReleased = NewSignal();
    private readonly TaskCompletionSource _everyoneMet = NewSignal();
    private Exception? _constructorFailure;
    private int _instances;
    private int _inTurn;
    private int _maxInTurn;
    private int _turns;
    private int _arrived;

    public int InstancesCreated => Volatile.Read(ref _instances);

    public int MaxConcurrentTurns => Volatile.Read(ref _maxInTurn);

    public int Turns => Volatile.Read(ref _turns);

    public IReadOnlyList<int> RunOrder => [.. _runOrder];

    /// <summary>Completes when a call has entered <see cref="ITestGrain.BlockAsync"/>.</summary>
    public Task BlockEntered => _blockEntered.Task.WaitAsync(WaitLimit);

    public void ReleaseBlock() => _blockReleased.TrySetResult();

    /// <summary>Makes the next grain constructor throw <paramref name="failure"/>.</summary>
    public void FailNextConstruction(Exception failure) => Volatile.Write(ref _constructorFailure, failure);

    public int Count(long key, GrainEvent @event) => _counts.GetValueOrDefault((key, @event));

    /// <summary>Completes when <paramref name="event"/> has happened once for <paramref name="key"/>.</summary>
    public Task WaitForAsync(long key, GrainEvent @event) => First(key, @event).Task.WaitAsync(WaitLimit);

    internal int OnConstructed()
    {
        if (Interlocked.Exchange(ref _constructorFailure, null) is { } failure)
        {
            throw failure;
        }

        return Interlocked.Increment(ref _instances);
    }

    internal void Record(long key, GrainEvent @event)
    {
        _counts.AddOrUpdate((key, @event), 1, (_, count) => count + 1);
        First(key, @event).TrySetResult();
    }

    internal void RecordRun(int sequence) => _runOrder.Enqueue(sequence);

    internal void EnterTurn()
    {
        Interlocked.Increment(ref _turns);
        var inside = Interlocked.Increment(ref _inTurn);
        int max;
        while (inside > (max = Volatile.Read(ref _maxInTurn)) &&
               Interlocked.CompareExchange(ref _maxInTurn, inside, max) != max)
        {
        }
    }

    internal void ExitTurn() => Interlocked.Decrement(ref _inTurn);

    internal Task MeetAsync(int participants)
    {
        if (Interlocked.Increment(ref _arrived) == participants)
        {
            _everyoneMet.TrySetResult();
        }

        return _everyoneMet.Task.WaitAsync(WaitLimit);
    }

    internal Task BlockAsync()
    {
        _blockEntered.TrySetResult();
        return _blockReleased.Task;
    }

    private TaskCompletionSource First(long key, GrainEvent @event) => _firsts.GetOrAdd((key, @event), _ => NewSignal());

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
