using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Commerce.ReadModel;
using Commerce.WebApi.Errors;
using Microsoft.Extensions.Options;

namespace Commerce.WebApi.Admission;

/// <summary>
/// Lets <see cref="RequestAdmissionOptions.Concurrency"/> API requests in at once and queues the rest oldest first.
/// Probes, scrapes, the dashboard and the OpenAPI pages are never queued.
/// </summary>
internal sealed class RequestAdmission : IDisposable
{
    private readonly ConcurrencyLimiter? limiter;

    public RequestAdmission(IOptions<RequestAdmissionOptions> options, IMeterFactory meters)
    {
        if (options.Value.Concurrency == 0)
        {
            return;
        }

        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.Concurrency,
            QueueLimit = options.Value.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        meters.Create(CatalogMeter.Name).CreateObservableGauge(
            CatalogMeter.RequestsWaiting, () => limiter.GetStatistics()?.CurrentQueuedCount ?? 0, unit: "{request}",
            description: "API requests waiting for their turn in this process.");
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (limiter is null || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        // A free turn with nobody queued (the limiter never lets a newcomer jump its queue) needs no wait.
        var lease = limiter.AttemptAcquire(1);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            try
            {
                lease = await limiter.AcquireAsync(1, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away while waiting: its place in the queue is given up and nobody reads an answer.
                return;
            }
        }

        using (lease)
        {
            if (!lease.IsAcquired)
            {
                context.Response.Headers.RetryAfter = "1";
                await ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
                    "The catalog has more requests waiting than it queues; retry shortly.");
                return;
            }

            await next(context);
        }
    }

    public void Dispose() => limiter?.Dispose();
}
