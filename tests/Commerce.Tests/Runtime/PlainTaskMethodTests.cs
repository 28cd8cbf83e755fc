using Commerce.Runtime.Storage;
using Commerce.Tests.Runtime.TestGrains;

namespace Commerce.Tests.Runtime;

public sealed class PlainTaskMethodTests
{
    [Fact]
    public async Task APlainTaskMethodRunsAndItsEffectIsVisible()
    {
        await using var runtime = TestRuntime.Start();
        var key = TestKeys.Next();
        var grain = runtime.Grain(key);

        await grain.SetValueAsync(3);

        Assert.Equal(new StoredState<CounterState>(new CounterState(3), 1), runtime.Storage.Stored(TestRuntime.IdOf(key)));
        Assert.Equal(3, await grain.GetValueAsync());
    }

    [Fact]
    public async Task APlainTaskCompletesOnlyWhenTheGrainMethodHasCompleted()
    {
        await using var runtime = TestRuntime.Start();
        var grain = runtime.Grain(TestKeys.Next());

        var call = grain.BlockAsync();
        await runtime.Probe.BlockEntered;
        Assert.False(call.IsCompleted);
        runtime.Probe.ReleaseBlock();

        await call;
        Assert.True(call.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task APlainTaskCarriesTheGrainsException()
    {
        await using var runtime = TestRuntime.Start();
        var grain = runtime.Grain(TestKeys.Next());

        var thrown = await Assert.ThrowsAsync<TestGrainException>(() => grain.ThrowAsync("plain"));

        Assert.Equal("plain", thrown.Message);
    }
}
