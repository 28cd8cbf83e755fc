using System.Globalization;
using System.Text;

namespace Commerce.Silo.Metrics;

/// <summary>Renders series in the Prometheus text exposition format 0.0.4.</summary>
public static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricSeries> series)
    {
        var text = new StringBuilder();
        var byFamily = series.GroupBy(s => s.Family.Name).ToDictionary(g => g.Key, g => g.OrderBy(s => string.Join(',', s.LabelValues), StringComparer.Ordinal).ToList());
        foreach (var family in MetricBindings.All.Select(b => b.Family).Distinct())
        {
            text.Append("# HELP ").Append(family.Name).Append(' ').Append(family.Help).Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Type).Append('\n');
            foreach (var one in byFamily.GetValueOrDefault(family.Name) ?? [])
            {
                if (one.Histogram is { } histogram)
                {
                    WriteHistogram(text, one, histogram.Snapshot());
                }
                else
                {
                    Sample(text, family.Name, Labels(one, null), one.Value);
                }
            }
        }

        return text.ToString();
    }

    private static void WriteHistogram(StringBuilder text, MetricSeries series, Runtime.Diagnostics.HistogramSnapshot snapshot)
    {
        long cumulative = 0;
        for (var i = 0; i < snapshot.Counts.Length; i++)
        {
            cumulative += snapshot.Counts[i];
            var le = i < snapshot.UpperBounds.Count ? Number(snapshot.UpperBounds[i]) : "+Inf";
            Sample(text, series.Family.Name + "_bucket", Labels(series, le), cumulative);
        }

        Sample(text, series.Family.Name + "_sum", Labels(series, null), snapshot.Sum);
        Sample(text, series.Family.Name + "_count", Labels(series, null), snapshot.Count);
    }

    private static string Labels(MetricSeries series, string? le)
    {
        var pairs = series.Family.Labels.Select((name, i) => $"{name}=\"{Escape(series.LabelValues[i])}\"");
        if (le is not null)
        {
            pairs = pairs.Append($"le=\"{le}\"");
        }

        var joined = string.Join(',', pairs);
        return joined.Length == 0 ? "" : "{" + joined + "}";
    }

    private static void Sample(StringBuilder text, string name, string labels, double value) =>
        text.Append(name).Append(labels).Append(' ').Append(Number(value)).Append('\n');

    private static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
