using Commerce.Runtime.Activation;
using Commerce.Runtime.Storage;
using Commerce.Tests.Runtime.TestGrains;

namespace Commerce.Tests.Runtime;

public sealed class ActivationTests
{
    [Fact]
    public async Task ManyCallsShareOneActivationCreatedOnTheFirstCall()
    {
        await using var runtime = TestRuntime.Start();
        var key = TestKeys.Next();
        var grain = runtime.Grain(key);
        Assert.Equal(0, runtime.Directory.Count); // a reference alone activates nothing

        var sequential = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            sequential.Add(await grain.GetInstanceAsync());
        }

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(grain.GetInstanceAsync)));

        Assert.All(sequential.Concat(concurrent), instance => Assert.Equal(1, instance));
        Assert.Equal(1, runtime.Probe.InstancesCreated);
        Assert.Equal(1, runtime.Probe.Count(key, GrainEvent.Activated));
        Assert.Equal(1, runtime.Storage.ReadCount(TestRuntime.IdOf(key)));
        Assert.Equal(1, runtime.Directory.Count);
    }

    [Fact]
    public async Task ACallOnAnIdleActivationThatNeedsNoAwaitIsAnsweredBeforeTheCallReturns()
    {
        await using var runtime = TestRuntime.Start();
        var grain = runtime.Grain(TestKeys.Next());
        await grain.GetInstanceAsync(); // activates

        // Served on the caller's thread: no hop through the thread pool, no timer, nothing left pending.
        var answer = grain.GetInstanceAsync();

        Assert.True(answer.IsCompletedSuccessfully);
        Assert.Equal(1, await answer);
    }

    [Fact]
    public async Task AWorkItemThatThrowsFailsItsCallerAndTheActivationKeepsServing()
    {
        await using var runtime = TestRuntime.Start();
        var key = TestKeys.Next();
        await runtime.Grain(key).GetInstanceAsync();
        var broken = new ThrowingWorkItem();

        Assert.True(runtime.Directory.TryEnqueue(TestRuntime.IdOf(key), broken));

        Assert.IsType<InvalidOperationException>(await broken.Failure.Task.WaitAsync(GrainProbe.WaitLimit));
        Assert.Equal(1, await runtime.Grain(key).GetInstanceAsync().WaitAsync(GrainProbe.WaitLimit));
    }

    [Fact]
    public async Task ConcurrentFirstCallsCreateOnlyOneActivation()
    {
        await using var runtime = TestRuntime.Start();
        var key = TestKeys.Next();

        var instances = await Task.WhenAll(
            Enumerable.Range(0, 50).Select(_ => Task.Run(() => runtime.Grain(key).GetInstanceAsync())));

        Assert.All(instances, instance => Assert.Equal(1, instance));
        Assert.Equal(1, runtime.Probe.Count(key, GrainEvent.Activated));
        Assert.Equal(1, runtime.Storage.ReadCount(TestRuntime.IdOf(key)));
    }

    [Fact]
    public async Task StateIsLoadedBeforeOnActivateAndTheFirstCall()
    {
        await using var runtime = TestRuntime.Start();
        var key = TestKeys.Next();
        var id = TestRuntime.IdOf(key);
        runtime.Storage.WriteBehindTheBack(id, new CounterState(42));
        var slowRead = runtime.Storage.HoldNextRead(id);

        var firstCall = runtime.Grain(key).GetValueAsync();
        await slowRead.Entered;
        Assert.False(firstCall.IsCompleted);
        Assert.Equal(0, runtime.Probe.Count(key, GrainEvent.Activated));
        slowRead.Release();

        Assert.Equal(42, await firstCall);
        Assert.Equal(42, await runtime.Grain(key).GetValueSeenOnActivateAsync());
        Assert.Equal(1, await runtime.Grain(key).GetVersionAsync());
    }

    [Fact]
    public async Task AGrainWithoutARecordStartsWithNoState()
    {
        await using var runtime = TestRuntime.Start();
        var grain = runtime.Grain(TestKeys.Next());

        Assert.Null(await grain.GetValueAsync());
        Assert.Equal(0, await grain.GetVersionAsync());
    }

    [Fact]
    public async Task TwoKeysAreTwoActivationsWithTheirOwnState()
    {
        await using var runtime = TestRuntime.Start();
        var (first, second) = (TestKeys.Next(), TestKeys.Next());
        runtime.Storage.WriteBehindTheBack(TestRuntime.IdOf(first), new CounterState(1));
        runtime.Storage.WriteBehindTheBack(TestRuntime.IdOf(second), new CounterState(2));

        var firstInstance = await runtime.Grain(first).GetInstanceAsync();
        var secondInstance = await runtime.Grain(second).GetInstanceAsync();

        Assert.NotEqual(firstInstance, secondInstance);
        Assert.Equal(1, await runtime.Grain(first).GetValueAsync());
        Assert.Equal(2, await runtime.Grain(second).GetValueAsync());
        Assert.Equal(2, runtime.Directory.Count);
        Assert.True(runtime.Directory.TryGet(TestRuntime.IdOf(first), out _));
        Assert.True(runtime.Directory.TryGet(TestRuntime.IdOf(second), out _));
        Assert.Equal(1, runtime.Probe.Count(first, GrainEvent.Activated));
        Assert.Equal(1, runtime.Probe.Count(second, GrainEvent.Activated));
    }

    /// <summary>Breaks the rule that work items report failures themselves.</summary>
    private sealed class ThrowingWorkItem : ActivationWorkItem
    {
        public TaskCompletionSource<Exception> Failure { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Task RunAsync(GrainActivation activation) => throw new InvalidOperationException("work item bug");

        public override void Fail(Exception reason) => Failure.TrySetResult(reason);
    }
}
