namespace Commerce.WebApi.Observability;

public static class ObservabilityExtensions
{
    /// <summary>
    /// JSON console logs that carry the trace and span ids of the request they belong to, so a log line can be
    /// joined to its trace; and the slow-request threshold.
    /// </summary>
    public static IHostApplicationBuilder AddCatalogObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ObservabilityOptions>()
            .Bind(builder.Configuration.GetSection(ObservabilityOptions.Section))
            .Validate(o => o.SlowRequestThreshold >= TimeSpan.Zero, "Observability:SlowRequestThreshold must not be negative.")
            .ValidateOnStart();
        builder.Logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        return builder;
    }

    /// <summary>First in the pipeline, so the time measured is the whole request's.</summary>
    public static WebApplication UseCatalogObservability(this WebApplication app)
    {
        app.UseMiddleware<SlowRequestLogging>();
        return app;
    }
}
