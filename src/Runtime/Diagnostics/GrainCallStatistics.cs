using System.Collections.Concurrent;

namespace Commerce.Runtime.Diagnostics;

/// <summary>
/// Calls run on this silo, per grain type and method, since it started. The meter is for Prometheus; this is
/// what <c>/runtime/stats</c> hands to a front-end's dashboard, which may live in another process.
/// </summary>
public sealed class GrainCallStatistics
{
    private readonly ConcurrentDictionary<(string GrainType, string Method), MethodCounters> _methods = new();

    public void Record(string grainType, string method, double seconds, bool failed)
    {
        var counters = _methods.GetOrAdd((grainType, method), _ => new MethodCounters());
        counters.Latency.Record(seconds);
        if (failed)
        {
            Interlocked.Increment(ref counters.Failures);
        }
    }

    public GrainMethodStats[] Snapshot() =>
    [
        .. _methods.Select(pair =>
        {
            var latency = pair.Value.Latency.Snapshot();
            return new GrainMethodStats(pair.Key.GrainType, pair.Key.Method, latency.Count,
                Interlocked.Read(ref pair.Value.Failures), latency.Sum, latency.Quantile(0.99));
        }),
    ];

    private sealed class MethodCounters
    {
        public readonly BucketHistogram Latency = new(BucketHistogram.LatencyBounds);
        public long Failures;
    }
}
