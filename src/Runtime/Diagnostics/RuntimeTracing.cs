using System.Diagnostics;

namespace Commerce.Runtime.Diagnostics;

/// <summary>
/// Spans of the grain runtime. A call gets a span where it is sent to another silo and one where it runs; the
/// trace context crosses between silos in the HTTP/2 request's traceparent header, so one trace runs from the
/// front-end's HTTP request through the grain call to the SQL it issued.
/// </summary>
public static class RuntimeTracing
{
    public const string SourceName = "Commerce.Runtime";

    public static ActivitySource Source { get; } = new(SourceName);
}
