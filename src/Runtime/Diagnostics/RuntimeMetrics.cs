using System.Diagnostics;
using System.Diagnostics.Metrics;
using Commerce.Runtime.Activation;
using Commerce.Runtime.Cluster;

namespace Commerce.Runtime.Diagnostics;

/// <summary>
/// The runtime's instruments on the <c>Commerce.Runtime</c> meter. Created through the host's meter factory,
/// so several silos in one process (tests) each report their own activations.
/// </summary>
public sealed class RuntimeMetrics
{
    public const string MeterName = "Commerce.Runtime";
    public const string CallDuration = "catalog.grain.call.duration";
    public const string CallFailures = "catalog.grain.call.failures";
    public const string Activations = "catalog.grain.activations";
    public const string ActiveSilos = "catalog.cluster.active_silos";

    private readonly Histogram<double> _callDuration;
    private readonly Counter<long> _callFailures;
    private readonly ActivationDirectory? _directory;

    internal RuntimeMetrics(IMeterFactory meters, ClusterMembership membership, ActivationDirectory? directory)
    {
        _directory = directory;
        var meter = meters.Create(MeterName);
        _callDuration = meter.CreateHistogram<double>(CallDuration, "s", "Time a grain call took on this silo, queueing included.");
        _callFailures = meter.CreateCounter<long>(CallFailures, description: "Grain calls that ended in an exception.");
        meter.CreateObservableGauge(Activations, ObserveActivations, description: "Live activations on this silo by grain type.");
        // A standalone process has no membership rows but is a cluster of one.
        meter.CreateObservableGauge(ActiveSilos, () => membership.View.Active.Count is 0 && directory is not null ? 1 : membership.View.Active.Count,
            description: "Active silos in this process's view of the cluster.");
    }

    public GrainCallStatistics Calls { get; } = new();

    /// <summary>Live activations by grain type; empty on a pure client.</summary>
    public Dictionary<string, int> ActivationsByType() =>
        _directory?.CountsByType.Where(pair => pair.Value > 0).ToDictionary(pair => pair.Key, pair => pair.Value) ?? [];

    internal void RecordCall(string grainType, string method, TimeSpan elapsed, bool failed)
    {
        var tags = new TagList { { "grain_type", grainType }, { "method", method } };
        _callDuration.Record(elapsed.TotalSeconds, tags);
        if (failed)
        {
            _callFailures.Add(1, tags);
        }

        Calls.Record(grainType, method, elapsed.TotalSeconds, failed);
    }

    private IEnumerable<Measurement<int>> ObserveActivations() =>
        ActivationsByType().Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("grain_type", pair.Key)));
}
