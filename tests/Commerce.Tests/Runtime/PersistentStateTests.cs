using Commerce.Runtime.Storage;
using Commerce.Tests.Runtime.TestGrains;

namespace Commerce.Tests.Runtime;

public sealed class PersistentStateTests
{
    [Fact]
    public async Task EveryWriteIncrementsTheVersion()
    {
        await using var runtime = TestRuntime.Start();
        var key = TestKeys.Next();
        var id = TestRuntime.IdOf(key);
        var grain = runtime.Grain(key);

        Assert.Equal(1, await grain.IncrementAsync());
        Assert.Equal(1, await grain.GetVersionAsync());
        Assert.Equal(2, await grain.IncrementAsync());
        Assert.Equal(2, await grain.GetVersionAsync());

        Assert.Equal(new StoredState<CounterState>(new CounterState(2), 2), runtime.Storage.Stored(id));
        Assert.Equal(0, runtime.Storage.RejectedWrites(id));
        Assert.Equal(2, runtime.Probe.Count(key, GrainEvent.IncrementAttempted));
    }

    [Fact]
    public async Task AWriteThatMeetsANewerVersionIsRerunOnTheReloadedState()
    {
        await using var runtime = TestRuntime.Start(maxConflictRetries: 3);
        var key = TestKeys.Next();
        var id = TestRuntime.IdOf(key);
        runtime.Storage.WriteBehindTheBack(id, new CounterState(1));
        var grain = runtime.Grain(key);
        Assert.Equal(1, await grain.GetValueAsync());

        runtime.Storage.WriteBehindTheBack(id, new CounterState(10));

        Assert.Equal(11, await grain.IncrementAsync());
        Assert.Equal(2, runtime.Probe.Count(key, GrainEvent.IncrementAttempted));
        Assert.Equal(1, runtime.Storage.RejectedWrites(id));
        Assert.Equal([new CounterState(11)], runtime.Storage.AcceptedWrites(id)); // the stale 2 never landed
        Assert.Equal(new StoredState<CounterState>(new CounterState(11), 3), runtime.Storage.Stored(id));
        Assert.Equal(3, await grain.GetVersionAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task ConflictsBeyondMaxConflictRetriesReachTheCallerAndWriteNothing(int maxConflictRetries)
    {
        await using var runtime = TestRuntime.Start(maxConflictRetries: maxConflictRetries);
        var key = TestKeys.Next();
        var id = TestRuntime.IdOf(key);
        runtime.Storage.WriteBehindTheBack(id, new CounterState(1));
        var grain = runtime.Grain(key);
        Assert.Equal(1, await grain.GetValueAsync());
        var competingWrites = 0;
        runtime.Storage.BeforeWrite = writing => runtime.Storage.WriteBehindTheBack(writing, new CounterState(100 + ++competingWrites));

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(grain.IncrementAsync);
        runtime.Storage.BeforeWrite = null;

        var attempts = maxConflictRetries + 1;
        Assert.Equal(id, conflict.GrainId);
        Assert.Equal(attempts, runtime.Probe.Count(key, GrainEvent.IncrementAttempted));
        Assert.Equal(attempts, runtime.Storage.RejectedWrites(id));
        Assert.Empty(runtime.Storage.AcceptedWrites(id));
        Assert.Equal(new StoredState<CounterState>(new CounterState(100 + attempts), 1 + attempts), runtime.Storage.Stored(id));

        // The grain reloaded after the last conflict, so it holds what storage holds and can write again.
        Assert.Equal(100 + attempts, await grain.GetValueAsync());
        Assert.Equal(101 + attempts, await grain.IncrementAsync());
    }

    [Fact]
    public async Task AFailedWriteLeavesTheInMemoryStateUnchanged()
    {
        await using var runtime = TestRuntime.Start();
        var key = TestKeys.Next();
        var id = TestRuntime.IdOf(key);
        runtime.Storage.WriteBehindTheBack(id, new CounterState(5));
        var grain = runtime.Grain(key);
        Assert.Equal(5, await grain.GetValueAsync());
        var outage = new IOException("storage is down");
        runtime.Storage.FailNextWrite(id, outage);

        Assert.Same(outage, await Assert.ThrowsAsync<IOException>(grain.IncrementAsync));

        Assert.Equal(5, await grain.GetValueAsync());
        Assert.Equal(1, await grain.GetVersionAsync());
        Assert.Equal(1, runtime.Probe.Count(key, GrainEvent.IncrementAttempted)); // only conflicts are re-run
        Assert.Equal(new StoredState<CounterState>(new CounterState(5), 1), runtime.Storage.Stored(id));
        Assert.Equal(6, await grain.IncrementAsync());
    }
}
