using System.Text.Json;

namespace Commerce.WebApi.Dashboard;

/// <summary>Headline numbers over the last ten seconds, and per-second points over the last five minutes.</summary>
public sealed record OverviewResponse(
    int ActiveSilos, int TotalActivations, double RequestsPerSecond, double ErrorRate, double MeanLatencyMs, double P99LatencyMs,
    long GrainCallsTotal, SeriesPoint[] Series);

public sealed record SeriesPoint(long T, double RequestsPerSecond, double ErrorRate, double MeanMs, double P99Ms);

public sealed record GrainsResponse(
    Dictionary<string, int> ActivationsByType, SiloActivations[] ActivationsBySilo, MethodRow[] Methods, MethodRow[] Slowest, MethodRow[] MostFailing);

public sealed record SiloActivations(long Generation, string Address, Dictionary<string, int> ByType);

/// <summary>One grain method across all silos: totals since start, calls per second over the last few seconds.</summary>
public sealed record MethodRow(string GrainType, string Method, long Calls, double CallsPerSecond, long Failures, double MeanMs, double P99Ms);

public sealed record SiloRow(
    long Generation, string Address, string HostName, string Status, double? UptimeSeconds, double? CpuPercent, long? MemoryBytes, int? Activations);

/// <summary>A grain's live state as the grain itself returns it.</summary>
public sealed record GrainStateResponse(string Type, long Id, long Version, JsonElement State);
