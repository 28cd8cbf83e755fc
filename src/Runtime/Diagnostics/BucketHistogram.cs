namespace Commerce.Runtime.Diagnostics;

/// <summary>
/// A fixed-bucket histogram (Prometheus style: each bucket counts values ≤ its upper bound, plus +Inf). Cheap to
/// record into from many threads, and enough to estimate percentiles without keeping every value.
/// </summary>
public sealed class BucketHistogram(IReadOnlyList<double> upperBounds)
{
    /// <summary>Seconds, from 1 ms to 10 s: covers a cached grain read up to a call about to time out.</summary>
    public static IReadOnlyList<double> LatencyBounds { get; } = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly long[] _counts = new long[upperBounds.Count + 1];
    private readonly Lock _gate = new();
    private double _sum;
    private long _count;

    public IReadOnlyList<double> UpperBounds { get; } = upperBounds;

    public void Record(double value)
    {
        var bucket = 0;
        while (bucket < UpperBounds.Count && value > UpperBounds[bucket])
        {
            bucket++;
        }

        lock (_gate)
        {
            _counts[bucket]++;
            _sum += value;
            _count++;
        }
    }

    public HistogramSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new HistogramSnapshot(UpperBounds, [.. _counts], _sum, _count);
        }
    }
}

/// <summary>A histogram's state at one moment; per-bucket (not cumulative) counts, the last one being +Inf.</summary>
public sealed record HistogramSnapshot(IReadOnlyList<double> UpperBounds, long[] Counts, double Sum, long Count)
{
    public double Mean => Count == 0 ? 0 : Sum / Count;

    /// <summary>What happened between <paramref name="earlier"/> and this snapshot.</summary>
    public HistogramSnapshot Minus(HistogramSnapshot? earlier) => earlier is null
        ? this
        : new HistogramSnapshot(UpperBounds, [.. Counts.Select((c, i) => c - earlier.Counts[i])], Sum - earlier.Sum, Count - earlier.Count);

    /// <summary>The upper bound of the bucket holding the q-th quantile; the last finite bound for the +Inf bucket.</summary>
    public double Quantile(double q)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(q * Count);
        long seen = 0;
        for (var i = 0; i < Counts.Length; i++)
        {
            seen += Counts[i];
            if (seen >= rank)
            {
                return UpperBounds[Math.Min(i, UpperBounds.Count - 1)];
            }
        }

        return UpperBounds[^1];
    }
}
