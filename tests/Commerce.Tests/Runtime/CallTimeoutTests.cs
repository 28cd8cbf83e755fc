using Commerce.Runtime.Calls;
using Commerce.Tests.Runtime.TestGrains;

namespace Commerce.Tests.Runtime;

public sealed class CallTimeoutTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task ACallLongerThanTheTimeoutFailsWithGrainCallTimeoutException()
    {
        await using var runtime = TestRuntime.Start(callTimeout: CallTimeout);
        var grain = runtime.Grain(TestKeys.Next());

        var call = grain.BlockAsync();
        await runtime.Probe.BlockEntered;

        // Bounded, so a runtime without call timeouts fails here with a plain TimeoutException instead of hanging.
        var timeout = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call.WaitAsync(GrainProbe.WaitLimit));
        Assert.Contains(nameof(ITestGrain.BlockAsync), timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACallQueuedBehindWhoseCallerGaveUpNeverRunsAndTheGrainStaysUsable()
    {
        await using var runtime = TestRuntime.Start(callTimeout: CallTimeout);
        var grain = runtime.Grain(TestKeys.Next());
        var blocked = grain.BlockAsync();
        await runtime.Probe.BlockEntered;
        var queued = grain.RecordAsync(1);

        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => blocked.WaitAsync(GrainProbe.WaitLimit));
        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => queued.WaitAsync(GrainProbe.WaitLimit));
        runtime.Probe.ReleaseBlock();

        await grain.RecordAsync(2); // runs after the abandoned call's place in the mailbox
        Assert.Equal([2], runtime.Probe.RunOrder);
        Assert.Equal(1, runtime.Probe.InstancesCreated);
    }
}
