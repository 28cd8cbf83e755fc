using Commerce.Tests.Runtime.TestGrains;

namespace Commerce.Tests.Runtime;

public sealed class OneCallAtATimeTests
{
    [Fact]
    public async Task ConcurrentCallsToOneGrainNeverOverlap()
    {
        await using var runtime = TestRuntime.Start();
        var grain = runtime.Grain(TestKeys.Next());

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(grain.TrackConcurrencyAsync)));

        Assert.Equal(50, runtime.Probe.Turns);
        Assert.Equal(1, runtime.Probe.MaxConcurrentTurns);
    }

    [Fact]
    public async Task CallsRunInTheOrderTheyWereIssued()
    {
        await using var runtime = TestRuntime.Start();
        var grain = runtime.Grain(TestKeys.Next());

        var calls = new List<Task>();
        for (var sequence = 0; sequence < 20; sequence++)
        {
            calls.Add(grain.RecordAsync(sequence)); // issued one after another, none awaited yet
        }

        await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 20), runtime.Probe.RunOrder);
    }

    [Fact]
    public async Task DifferentGrainsRunAtTheSameTime()
    {
        await using var runtime = TestRuntime.Start();
        const int grains = 4;

        // Each call returns only once all of them are inside at once, so this completes only if they overlap.
        await Task.WhenAll(Enumerable.Range(0, grains).Select(_ => runtime.Grain(TestKeys.Next()).MeetAsync(grains)));

        Assert.Equal(grains, runtime.Directory.Count);
    }
}
