using Commerce.Tests.Runtime.TestGrains;

namespace Commerce.Tests.Runtime;

public sealed class StateRefreshTests
{
    [Fact]
    public async Task AfterRefreshTheVeryNextCallSeesTheStoredState()
    {
        await using var runtime = TestRuntime.Start();
        var key = TestKeys.Next();
        var id = TestRuntime.IdOf(key);
        runtime.Storage.WriteBehindTheBack(id, new CounterState(1));
        var grain = runtime.Grain(key);
        Assert.Equal(1, await grain.GetValueAsync());
        runtime.Storage.WriteBehindTheBack(id, new CounterState(2));
        Assert.Equal(1, await grain.GetValueAsync()); // an activation keeps its state between calls

        await runtime.Refresher.RefreshAsync([id], CancellationToken.None);

        Assert.Equal(2, await grain.GetValueAsync());
        Assert.Equal(2, await grain.GetVersionAsync());
        Assert.Equal(1, await grain.GetInstanceAsync());
    }

    [Fact]
    public async Task RefreshingAGrainThatIsNotActiveDoesNotActivateIt()
    {
        await using var runtime = TestRuntime.Start();
        var key = TestKeys.Next();
        var id = TestRuntime.IdOf(key);

        await runtime.Refresher.RefreshAsync([id], CancellationToken.None);

        Assert.Equal(0, runtime.Directory.Count);
        Assert.Equal(0, runtime.Storage.ReadCount(id));
        Assert.Equal(0, runtime.Probe.InstancesCreated);
    }

    [Fact]
    public async Task ARefreshThatCannotReadStorageMakesTheNextCallReloadFirst()
    {
        await using var runtime = TestRuntime.Start();
        var key = TestKeys.Next();
        var id = TestRuntime.IdOf(key);
        runtime.Storage.WriteBehindTheBack(id, new CounterState(1));
        var grain = runtime.Grain(key);
        Assert.Equal(1, await grain.GetValueAsync());
        runtime.Storage.WriteBehindTheBack(id, new CounterState(2));
        runtime.Storage.FailNextRead(id, new IOException("storage is down"));

        await runtime.Refresher.RefreshAsync([id], CancellationToken.None);

        Assert.Equal(2, await grain.GetValueAsync());
        Assert.Equal(3, runtime.Storage.ReadCount(id)); // activation, failed refresh, reload before the call
    }
}
