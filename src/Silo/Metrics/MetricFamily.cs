namespace Commerce.Silo.Metrics;

/// <summary>One Prometheus metric: its name, type, help line, label names and (for histograms) bucket bounds.</summary>
public sealed record MetricFamily(string Name, string Type, string Help, string[] Labels, IReadOnlyList<double>? Buckets = null)
{
    public const string Counter = "counter";
    public const string Gauge = "gauge";
    public const string Histogram = "histogram";
}

/// <summary>Which .NET instrument feeds a family, and which of its tags become the family's labels, in order.</summary>
public sealed record InstrumentBinding(string Meter, string Instrument, MetricFamily Family, string[] Tags);
