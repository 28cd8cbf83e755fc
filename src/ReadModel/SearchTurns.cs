using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Commerce.ReadModel;

/// <summary>
/// Lets <see cref="SearchOptions.Concurrency"/> searches into PostgreSQL at once and queues the rest oldest first
/// (why: <see cref="SearchOptions.Concurrency"/>). A search that waits longer than the queue timeout fails with a
/// <see cref="TimeoutException"/>, which the front-end answers 503 with Retry-After.
/// </summary>
public sealed class SearchTurns(IOptions<SearchOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.Concurrency,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private readonly TimeSpan queueTimeout = options.Value.QueueTimeout;

    /// <summary>Waits for a turn; the search runs until the returned lease is disposed.</summary>
    public async ValueTask<RateLimitLease> WaitAsync(CancellationToken cancellationToken)
    {
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
