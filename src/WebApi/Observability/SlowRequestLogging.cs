using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Commerce.WebApi.Observability;

/// <summary>Warns about requests slower than <see cref="ObservabilityOptions.SlowRequestThreshold"/>, with their route template.</summary>
public sealed partial class SlowRequestLogging(RequestDelegate next, IOptions<ObservabilityOptions> options, ILogger<SlowRequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed >= options.Value.SlowRequestThreshold)
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                LogSlowRequest(context.Request.Method, route, context.Request.Path, context.Response.StatusCode, elapsed.TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Slow request {Method} {Route} ({Path}) answered {StatusCode} after {ElapsedMs:0.0} ms")]
    private partial void LogSlowRequest(string method, string route, string path, int statusCode, double elapsedMs);
}
