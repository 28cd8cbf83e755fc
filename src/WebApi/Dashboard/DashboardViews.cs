using Commerce.Runtime.Diagnostics;

namespace Commerce.WebApi.Dashboard;

/// <summary>Turns the sampled history into what each dashboard panel shows. Pure functions of the samples.</summary>
public static class DashboardViews
{
    private const int HeadlineSeconds = 10;
    private const int RateSeconds = 5;

    public static OverviewResponse Overview(IReadOnlyList<DashboardSample> samples)
    {
        if (samples.Count == 0)
        {
            return new OverviewResponse(0, 0, 0, 0, 0, 0, 0, []);
        }

        var latest = samples[^1];
        var (rps, errorRate, mean, p99) = Between(samples[Math.Max(0, samples.Count - 1 - HeadlineSeconds)], latest);
        var series = samples.Skip(1).Select((sample, i) =>
        {
            var (r, e, m, p) = Between(samples[i], sample);
            return new SeriesPoint(sample.At.ToUnixTimeMilliseconds(), r, e, m, p);
        });
        var stats = latest.Cluster.Silos.Select(s => s.Stats).OfType<SiloStats>().ToList();
        return new OverviewResponse(latest.Cluster.ActiveSilos, stats.Sum(s => s.Activations), rps, errorRate, mean, p99,
            stats.Sum(s => s.Methods.Sum(m => m.Calls)), [.. series]);
    }

    public static GrainsResponse Grains(IReadOnlyList<DashboardSample> samples)
    {
        if (samples.Count == 0)
        {
            return new GrainsResponse([], [], [], [], []);
        }

        var latest = samples[^1];
        var earlier = samples[Math.Max(0, samples.Count - 1 - RateSeconds)];
        var seconds = Math.Max(1, (latest.At - earlier.At).TotalSeconds);
        var before = Methods(earlier).ToDictionary(m => (m.GrainType, m.Method), m => m.Calls);
        var methods = Methods(latest).Select(m => new MethodRow(m.GrainType, m.Method, m.Calls,
                (m.Calls - before.GetValueOrDefault((m.GrainType, m.Method))) / seconds, m.Failures,
                m.Calls == 0 ? 0 : 1000 * m.TotalSeconds / m.Calls, 1000 * m.P99Seconds))
            .OrderBy(m => m.GrainType, StringComparer.Ordinal).ThenBy(m => m.Method, StringComparer.Ordinal).ToArray();
        var reports = latest.Cluster.Silos.Where(s => s.Stats is not null).ToList();
        var byType = reports.SelectMany(s => s.Stats!.ActivationsByType)
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        return new GrainsResponse(byType,
            [.. reports.Select(s => new SiloActivations(s.Silo.Generation, s.Silo.Address, s.Stats!.ActivationsByType))],
            methods,
            [.. methods.Where(m => m.Calls > 0).OrderByDescending(m => m.MeanMs).Take(5)],
            [.. methods.Where(m => m.Failures > 0).OrderByDescending(m => m.Failures).Take(5)]);
    }

    public static SiloRow[] Silos(IReadOnlyList<DashboardSample> samples, DateTimeOffset now) => samples.Count == 0
        ? []
        : [.. samples[^1].Cluster.Silos.OrderBy(s => s.Silo.Generation).Select(s => new SiloRow(
            s.Silo.Generation, s.Silo.Address, s.Silo.HostName, s.Silo.Status,
            s.Silo.Status == Runtime.Cluster.SiloInfo.Dead ? null : (now - s.Silo.StartedAt).TotalSeconds,
            s.Stats?.CpuPercent, s.Stats?.MemoryBytes, s.Stats?.Activations))];

    private static (double Rps, double ErrorRate, double MeanMs, double P99Ms) Between(DashboardSample from, DashboardSample to)
    {
        var delta = to.Http.Minus(from.Http);
        var seconds = (to.At - from.At).TotalSeconds;
        return (seconds <= 0 ? 0 : delta.Count / seconds,
            delta.Count == 0 ? 0 : (double)(to.HttpErrors - from.HttpErrors) / delta.Count,
            1000 * delta.Mean, 1000 * delta.Quantile(0.99));
    }

    /// <summary>Each method's totals summed over the silos that answered.</summary>
    private static IEnumerable<GrainMethodStats> Methods(DashboardSample sample) =>
        sample.Cluster.Silos.SelectMany(s => s.Stats?.Methods ?? [])
            .GroupBy(m => (m.GrainType, m.Method))
            .Select(g => new GrainMethodStats(g.Key.GrainType, g.Key.Method, g.Sum(m => m.Calls), g.Sum(m => m.Failures),
                g.Sum(m => m.TotalSeconds), g.Max(m => m.P99Seconds)));
}
