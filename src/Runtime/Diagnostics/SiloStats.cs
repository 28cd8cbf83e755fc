namespace Commerce.Runtime.Diagnostics;

/// <summary>What a silo reports about itself at <c>GET /runtime/stats</c>; counters are totals since it started.</summary>
public sealed record SiloStats(
    long Generation,
    double CpuPercent,
    long MemoryBytes,
    int Activations,
    Dictionary<string, int> ActivationsByType,
    GrainMethodStats[] Methods);

/// <summary>Calls of one grain method on one silo since it started.</summary>
public sealed record GrainMethodStats(string GrainType, string Method, long Calls, long Failures, double TotalSeconds, double P99Seconds);
