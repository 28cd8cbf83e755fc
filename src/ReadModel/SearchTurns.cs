using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Commerce.ReadModel;

/// <summary>
/// Lets <see cref="SearchOptions.Concurrency"/> searches into PostgreSQL at once and queues the rest oldest first
/// (why: <see cref="SearchOptions.Concurrency"/>). A search that waits longer than the queue timeout fails with a
/// <see cref="TimeoutException"/>, which the front-end answers 503 with Retry-After. How many wait is the gauge
/// <c>catalog.search.waiting</c>: a queue that stays long says the database needs more cores (or fewer shapes that
/// cost them).
/// </summary>
public sealed class SearchTurns : IDisposable
{
    private readonly ConcurrencyLimiter limiter;
    private readonly TimeSpan queueTimeout;

    public SearchTurns(IOptions<SearchOptions> options, IMeterFactory meters)
    {
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.Concurrency,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        queueTimeout = options.Value.QueueTimeout;
        meters.Create(CatalogMeter.Name).CreateObservableGauge(
            CatalogMeter.SearchWaiting, () => limiter.GetStatistics()?.CurrentQueuedCount ?? 0, unit: "{search}",
            description: "Searches waiting for their turn in this process.");
    }

    /// <summary>Waits for a turn; the search runs until the returned lease is disposed.</summary>
    public async ValueTask<RateLimitLease> WaitAsync(CancellationToken cancellationToken)
    {
        // A free turn with nobody queued (the limiter refuses to jump its queue) needs no timer.
        var free = limiter.AttemptAcquire(1);
        if (free.IsAcquired)
        {
            return free;
        }

        free.Dispose();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(queueTimeout);
        RateLimitLease lease;
        try
        {
            lease = await limiter.AcquireAsync(1, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No search turn within {queueTimeout.TotalSeconds:0.#} s: the catalog is overloaded.");
        }

        if (!lease.IsAcquired)
        {
            // Only when the process is shutting down (the queue itself is unbounded).
            lease.Dispose();
            throw new TimeoutException("No search turn: the catalog is shutting down.");
        }

        return lease;
    }

    public void Dispose() => limiter.Dispose();
}
