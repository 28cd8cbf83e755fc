using Commerce.Runtime.Diagnostics;

namespace Commerce.Silo.Metrics;

/// <summary>One labelled series of a family: a histogram, or a single value (counter or gauge).</summary>
public sealed class MetricSeries(MetricFamily family, string[] labelValues)
{
    private readonly Lock _gate = new();
    private double _value;

    public MetricFamily Family { get; } = family;

    public string[] LabelValues { get; } = labelValues;

    public BucketHistogram? Histogram { get; } = family.Buckets is { } bounds ? new BucketHistogram(bounds) : null;

    public double Value
    {
        get
        {
            lock (_gate)
            {
                return _value;
            }
        }
    }

    public void Record(double measurement)
    {
        if (Histogram is not null)
        {
            Histogram.Record(measurement);
            return;
        }

        lock (_gate)
        {
            _value += measurement;
        }
    }

    /// <summary>Gauges are re-observed at every scrape, so they start from zero each time.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _value = 0;
        }
    }
}
