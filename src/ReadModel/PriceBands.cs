using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Commerce.ReadModel;

/// <summary>
/// How the catalog's prices spread, from the kept per-band counts (<c>price_counts</c>, sql/015), for telling how broad a
/// price range is (<see cref="PriceFilter"/>) without a statement of its own, and where its bounds' bands start
/// (<see cref="CutsAsync"/>). Reading the range's exact band total before each search cost PostgreSQL 0.35–0.65 ms
/// and both sides a round trip, for a quarter of the search mix; the answer only picks a plan, so an estimate from
/// counts at most <see cref="SearchOptions.PriceBandsMaxAge"/> old does (docs/PERFORMANCE.md, issue #13). The counts
/// are read again, in the background, by the first search after they age; only the process's first search waits for
/// them.
/// </summary>
public sealed partial class PriceBands(NpgsqlDataSource database, IOptions<SearchOptions> options, ILogger<PriceBands> logger)
{
    private readonly Lock gate = new();
    private PriceBandCounts? current;
    private Task<PriceBandCounts>? reading;

    /// <summary>Whether more than 1/<paramref name="shareOfCatalog"/> of the catalog is priced within the bounds.</summary>
    public async ValueTask<bool> HoldsMoreThanAsync(int shareOfCatalog, decimal? min, decimal? max, CancellationToken cancellationToken)
    {
        var counts = Volatile.Read(ref current);
        if (counts is null)
        {
            counts = await Read().WaitAsync(cancellationToken);
        }
        else if (Stopwatch.GetElapsedTime(counts.ReadAt) > options.Value.PriceBandsMaxAge)
        {
            // The aged counts answer this search; a failed read is logged (by Read) and tried again by the next one.
            _ = Read();
        }

        return counts.Estimate(min, max) * shareOfCatalog > counts.Catalog;
    }

    /// <summary>
    /// The lower cut of each bound's band (<see cref="PriceBandCounts.CutAtOrBelow"/>), for a range whose total the band
    /// counts give. Sent as parameters, where calling <c>price_band</c> in the statement made PostgreSQL run its
    /// look-up while planning every execution: 0.5 of the statement's 0.7 ms single-client (docs/PERFORMANCE.md).
    /// </summary>
    public async ValueTask<(decimal? Min, decimal? Max)> CutsAsync(decimal? min, decimal? max, CancellationToken cancellationToken)
    {
        var counts = Volatile.Read(ref current) ?? await Read().WaitAsync(cancellationToken);
        return (min is { } lower ? counts.CutAtOrBelow(lower) : null, max is { } upper ? counts.CutAtOrBelow(upper) : null);
    }

    /// <summary>The read under way, or a new one; each read's failure is logged once, however many searches share it.</summary>
    private Task<PriceBandCounts> Read()
    {
        lock (gate)
        {
            if (reading is null)
            {
                reading = ReadAsync();
                reading.ContinueWith(
                    (read, state) => LogReadFailed((ILogger)state!, read.Exception!.GetBaseException()),
                    logger, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }

            return reading;
        }
    }

    private async Task<PriceBandCounts> ReadAsync()
    {
        // Leaves Read's lock first, so that the finally below never runs before `reading` was set.
        await Task.Yield();
        try
        {
            var lowers = new List<decimal>(600);
            var products = new List<long>(600);
            await using (var command = database.CreateCommand(
                "SELECT b.lower, coalesce(c.products, 0) FROM price_bands b LEFT JOIN price_counts c ON c.band = b.lower ORDER BY b.lower"))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    lowers.Add(reader.GetDecimal(0));
                    products.Add(reader.GetInt64(1));
                }
            }

            var counts = new PriceBandCounts([.. lowers], [.. products], Stopwatch.GetTimestamp());
            Volatile.Write(ref current, counts);
            return counts;
        }
        finally
        {
            lock (gate)
            {
                reading = null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the price band counts failed; searches keep any counts read before, and the next one that needs them reads them again.")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
