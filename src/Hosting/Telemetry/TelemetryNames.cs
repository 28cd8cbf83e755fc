namespace Commerce.Hosting.Telemetry;

/// <summary>The meters and activity sources of libraries that have no instrumentation package of their own.</summary>
internal static class TelemetryNames
{
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Calls to Orleans' own system grains and targets.</summary>
    public const string OrleansRuntimeSource = "Microsoft.Orleans.Runtime";

    /// <summary>Calls to the catalog's grains.</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>Read by the OpenTelemetry SDK itself; the OTLP exporter is added only when it is set.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";
}
