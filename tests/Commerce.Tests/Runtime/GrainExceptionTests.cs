using Commerce.Tests.Runtime.TestGrains;

namespace Commerce.Tests.Runtime;

public sealed class GrainExceptionTests
{
    [Fact]
    public async Task AThrowingCallReachesTheCallerAndTheSameActivationGoesOn()
    {
        await using var runtime = TestRuntime.Start();
        var key = TestKeys.Next();
        var grain = runtime.Grain(key);
        Assert.Equal(1, await grain.GetInstanceAsync());

        var thrown = await Assert.ThrowsAsync<TestGrainException>(() => grain.ThrowAsync("after an await"));

        Assert.Equal("after an await", thrown.Message);
        Assert.Equal(1, await grain.IncrementAsync());
        Assert.Equal(1, await grain.GetInstanceAsync());
        Assert.Equal(1, runtime.Probe.Count(key, GrainEvent.Activated));
        Assert.Equal(0, runtime.Probe.Count(key, GrainEvent.Deactivated));
    }

    [Fact]
    public async Task AMethodThatThrowsBeforeReturningATaskFailsOnlyItsOwnCall()
    {
        await using var runtime = TestRuntime.Start();
        var grain = runtime.Grain(TestKeys.Next());
        Assert.Equal(1, await grain.GetInstanceAsync());

        var thrown = await Assert.ThrowsAsync<TestGrainException>(() => grain.ThrowBeforeAwaitingAsync("at once"));

        Assert.Equal("at once", thrown.Message);
        Assert.Equal(1, await grain.GetInstanceAsync());
    }
}
