using Commerce.Tests.Runtime.TestGrains;

namespace Commerce.Tests.Runtime;

public sealed class IdleCollectionTests
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task AnIdleActivationIsCollectedAndTheNextCallReloadsState()
    {
        await using var runtime = TestRuntime.Start(idleTimeout: IdleTimeout);
        var key = TestKeys.Next();
        var id = TestRuntime.IdOf(key);
        runtime.Storage.WriteBehindTheBack(id, new CounterState(1));
        var grain = runtime.Grain(key);
        Assert.Equal(1, await grain.GetValueAsync());

        Assert.Equal(1, await runtime.CollectIdleAfterTimeoutAsync());
        await runtime.Probe.WaitForAsync(key, GrainEvent.Deactivated);

        Assert.Equal(0, runtime.Directory.Count);
        runtime.Storage.WriteBehindTheBack(id, new CounterState(2));
        Assert.Equal(2, await grain.GetValueAsync());
        Assert.Equal(2, await grain.GetInstanceAsync());
        Assert.Equal(2, runtime.Probe.Count(key, GrainEvent.Activated));
        Assert.Equal(1, runtime.Probe.Count(key, GrainEvent.Deactivated));
        Assert.Equal(2, runtime.Storage.ReadCount(id));
        Assert.Equal(1, runtime.Directory.Count);
    }

    [Fact]
    public async Task AnActivationIdleForLessThanTheTimeoutIsNotCollected()
    {
        await using var runtime = TestRuntime.Start(idleTimeout: IdleTimeout);
        var key = TestKeys.Next();
        var grain = runtime.Grain(key);
        await grain.GetInstanceAsync();

        runtime.Clock.Advance(IdleTimeout * 0.6);
        Assert.Equal(0, runtime.Collector.CollectIdle());
        await grain.GetInstanceAsync(); // a call starts the idle time again
        runtime.Clock.Advance(IdleTimeout * 0.6);
        Assert.Equal(0, runtime.Collector.CollectIdle());

        Assert.Equal(1, runtime.Directory.Count);
        Assert.Equal(1, await grain.GetInstanceAsync());
        Assert.Equal(0, runtime.Probe.Count(key, GrainEvent.Deactivated));
    }

    [Fact]
    public async Task ABusyActivationIsNotCollected()
    {
        await using var runtime = TestRuntime.Start(idleTimeout: IdleTimeout);
        var key = TestKeys.Next();
        var grain = runtime.Grain(key);
        var blocked = grain.BlockAsync();
        await runtime.Probe.BlockEntered;

        runtime.Clock.Advance(IdleTimeout * 10);
        Assert.Equal(0, runtime.Collector.CollectIdle());
        Assert.Equal(1, runtime.Directory.Count);

        runtime.Probe.ReleaseBlock();
        await blocked;
        Assert.Equal(1, await grain.GetInstanceAsync());
        Assert.Equal(0, runtime.Probe.Count(key, GrainEvent.Deactivated));
    }

    [Fact]
    public async Task DeactivateOnIdleClosesTheActivationAfterTheCall()
    {
        await using var runtime = TestRuntime.Start();
        var key = TestKeys.Next();
        var grain = runtime.Grain(key);
        Assert.Equal(1, await grain.GetInstanceAsync());

        await grain.DeactivateAfterThisCallAsync();
        await runtime.Probe.WaitForAsync(key, GrainEvent.Deactivated);

        Assert.Equal(0, runtime.Directory.Count);
        Assert.Equal(2, await grain.GetInstanceAsync());
        Assert.Equal(2, runtime.Probe.Count(key, GrainEvent.Activated));
    }

    [Fact]
    public async Task DeactivateOnIdleLetsQueuedCallsFinishFirst()
    {
        await using var runtime = TestRuntime.Start();
        var key = TestKeys.Next();
        var grain = runtime.Grain(key);
        var blocked = grain.BlockAsync();
        await runtime.Probe.BlockEntered;
        var deactivating = grain.DeactivateAfterThisCallAsync();
        var queuedBehind = grain.GetInstanceAsync();

        runtime.Probe.ReleaseBlock();
        await Task.WhenAll(blocked, deactivating);

        Assert.Equal(1, await queuedBehind);
        await runtime.Probe.WaitForAsync(key, GrainEvent.Deactivated);
        Assert.Equal(2, await grain.GetInstanceAsync());
    }
}
