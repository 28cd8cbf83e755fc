using System.Globalization;

namespace Commerce.Tests.Observability;

/// <summary>Reads sample values out of Prometheus text, for asserting on /metrics.</summary>
public static class PrometheusText
{
    /// <summary>The value of the sample whose name-with-labels starts with <paramref name="prefix"/>, summed; 0 when absent.</summary>
    public static double Sum(string text, string name, params string[] labels) =>
        text.Split('\n')
            .Where(line => !line.StartsWith('#') && (line.StartsWith(name + " ", StringComparison.Ordinal) || line.StartsWith(name + "{", StringComparison.Ordinal)))
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
