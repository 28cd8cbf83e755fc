using Commerce.Runtime.Cluster;

namespace Commerce.Runtime.Diagnostics;

/// <summary>Builds this silo's <see cref="SiloStats"/>: its own CPU, memory, activations and grain calls.</summary>
public sealed class SiloStatsSource(RuntimeMetrics metrics, ClusterMembership membership)
{
    private readonly ProcessCpu _cpu = new();

    public SiloStats Read()
    {
        var byType = metrics.ActivationsByType();
        return new SiloStats(membership.LocalGeneration ?? 0, _cpu.ReadPercent(), Environment.WorkingSet,
            byType.Values.Sum(), byType, metrics.Calls.Snapshot());
    }
}
