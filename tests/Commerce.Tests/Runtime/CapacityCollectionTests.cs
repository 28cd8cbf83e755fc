using System.Diagnostics;
using Commerce.Tests.Runtime.TestGrains;

namespace Commerce.Tests.Runtime;

public sealed class CapacityCollectionTests
{
    private const int Cap = 10; // collection goes down to 90%: 9

    [Fact]
    public async Task OverTheCapTheLeastRecentlyUsedIdleActivationsAreCollectedWhateverTheirIdleTime()
    {
        await using var runtime = TestRuntime.Start(idleTimeout: TimeSpan.FromHours(1), maxActivations: Cap);
        var keys = Enumerable.Range(0, Cap + 1).Select(_ => TestKeys.Next()).ToArray();
        foreach (var key in keys)
        {
            await TouchAsync(runtime, key);
        }

        await TouchAsync(runtime, keys[0]); // now the most recently used
        var blocked = runtime.Grain(keys[1]).BlockAsync(); // least recently used but busy
        await runtime.Probe.BlockEntered;

        Assert.Equal(Cap + 1, runtime.Directory.Count);
        Assert.Equal(2, runtime.Collector.CollectOverCapacity());

        await runtime.Probe.WaitForAsync(keys[2], GrainEvent.Deactivated);
        await runtime.Probe.WaitForAsync(keys[3], GrainEvent.Deactivated);
        Assert.Equal(Cap - 1, runtime.Directory.Count);
        Assert.Equal(Cap - 1, runtime.Directory.CountsByType[TestGrain.TypeName]); // what metrics and the dashboard report
        Assert.All(keys.Except([keys[2], keys[3]]), key => Assert.Equal(0, runtime.Probe.Count(key, GrainEvent.Deactivated)));
        Assert.Equal(0, runtime.Collector.CollectOverCapacity()); // at 90% of the cap: nothing more to do

        runtime.Probe.ReleaseBlock();
        await blocked;
        await runtime.Grain(keys[2]).GetInstanceAsync();
        Assert.Equal(2, runtime.Probe.Count(keys[2], GrainEvent.Activated)); // a collected grain comes back as a new activation
    }

    [Fact]
    public async Task TheRunningCollectorReactsToTheCapWithoutWaitingForItsTimer()
    {
        await using var runtime = TestRuntime.Start(idleTimeout: TimeSpan.FromHours(1), maxActivations: Cap);
        await runtime.Collector.StartAsync(CancellationToken.None); // its timer runs on the manual clock: it never fires here
        try
        {
            foreach (var key in Enumerable.Range(0, Cap + 1).Select(_ => TestKeys.Next()))
            {
                await TouchAsync(runtime, key);
            }

            var waited = Stopwatch.StartNew();
            while (runtime.Directory.Count > Cap - 1 && waited.Elapsed < GrainProbe.WaitLimit)
            {
                await Task.Delay(5);
            }

            Assert.Equal(Cap - 1, runtime.Directory.Count);
        }
        finally
        {
            await runtime.Collector.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Calls the grain one clock step later than anything before, and waits until its turn has ended.</summary>
    private static async Task TouchAsync(TestRuntime runtime, long key)
    {
        runtime.Clock.Advance(TimeSpan.FromSeconds(1));
        await runtime.Grain(key).GetInstanceAsync();
        var now = runtime.Clock.GetTimestamp();
        var waited = Stopwatch.StartNew();
        while (!(runtime.Directory.TryGet(TestRuntime.IdOf(key), out var activation) && activation.LastActive == now))
        {
            Assert.True(waited.Elapsed < GrainProbe.WaitLimit, "the call's turn did not end");
            await Task.Delay(1);
        }
    }
}
