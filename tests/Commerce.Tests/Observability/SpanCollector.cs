using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace Commerce.Tests.Observability;

/// <summary>
/// Keeps every span that a tracer provider ends. A provider listens to its sources process-wide, so in one test process
/// it also sees the spans of the other hosts; keyed by span id, each is kept once.
/// </summary>
public sealed class SpanCollector : BaseProcessor<Activity>
{
    private readonly ConcurrentDictionary<ActivitySpanId, Activity> _spans = new();

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. _spans.Values.Where(span => span.TraceId == traceId)];

    public override void OnEnd(Activity data) => _spans.TryAdd(data.SpanId, data);
}
