using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Commerce.Runtime.Diagnostics;

namespace Commerce.Silo.Metrics;

/// <summary>
/// Listens to the instruments named in <see cref="MetricBindings"/> and keeps their totals since start. Only
/// meters of this host's own meter factory are heard (plus Npgsql's process-wide one), so several hosts in one
/// process, as in the cluster tests, do not count each other's traffic.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, MetricSeries> _series = new();
    private readonly Lock _scrape = new();

    // RuntimeMetrics is taken only so its observable gauges exist before anyone scrapes.
    public MetricsCollector(IMeterFactory meters, RuntimeMetrics runtime)
    {
        _ = runtime;
        var bindings = MetricBindings.All.ToDictionary(b => (b.Meter, b.Instrument));
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            var ours = ReferenceEquals(instrument.Meter.Scope, meters) || instrument.Meter.Scope is null && instrument.Meter.Name == "Npgsql";
            if (ours && bindings.TryGetValue((instrument.Meter.Name, instrument.Name), out var binding))
            {
                listener.EnableMeasurementEvents(instrument, binding);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Record(state, value, tags));
        _listener.Start();
    }

    /// <summary>Every series as it stands, gauges as last observed; cheap enough to read every second.</summary>
    public IReadOnlyList<MetricSeries> Current => [.. _series.Values];

    /// <summary>Every series, with gauges freshly observed.</summary>
    public IReadOnlyList<MetricSeries> Collect()
    {
        lock (_scrape)
        {
            foreach (var series in _series.Values.Where(s => s.Family.Type == MetricFamily.Gauge))
            {
                series.Reset();
            }

            _listener.RecordObservableInstruments();
            return [.. _series.Values];
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var binding = (InstrumentBinding)state!;
        var values = new string[binding.Tags.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = LabelValue(binding.Tags[i], tags);
        }

        var key = binding.Family.Name + "\u0001" + string.Join('\u0001', values);
        _series.GetOrAdd(key, _ => new MetricSeries(binding.Family, values)).Record(value);
    }

    private static string LabelValue(string tag, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var (name, value) in tags)
        {
            if (name == tag)
            {
                return tag == MetricBindings.StatusClassTag && value is int status
                    ? (status / 100).ToString(CultureInfo.InvariantCulture) + "xx"
                    : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            }
        }

        // Requests that matched no endpoint carry no route; one label value keeps them from exploding the series.
        return tag == "http.route" ? "unmatched" : "";
    }
}
