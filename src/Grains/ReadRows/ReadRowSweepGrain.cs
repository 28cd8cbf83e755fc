using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Interfaces.Orders;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Grains.ReadRows;

/// <summary>
/// Finds product states written lately whose read row does not show them (by <c>ModifiedOn</c> in
/// <c>OrleansStorage</c>, so a sweep reads only what changed) and asks those products to write their rows again;
/// then asks the category tree to repair category rows, and finishes orders a crash left half done. A new activation
/// looks back <see cref="ReadRowSweepOptions.LookBack"/>. Now and then it also deletes Idempotency-Keys past their
/// retention.
/// </summary>
public sealed partial class ReadRowSweepGrain(
    StoredGrainStates storedStates, IOptions<ReadRowSweepOptions> options, ILogger<ReadRowSweepGrain> logger) : Grain, IReadRowSweepGrain
{
    private DateTime? sweptUpTo;
    private DateTime lastSweepStarted = DateTime.MinValue;
    private DateTime lastKeyCleanup = DateTime.MinValue;

    public async Task SweepAsync()
    {
        var now = await storedStates.NowAsync();
        if (now - lastSweepStarted < options.Value.Interval * 0.8)
        {
            return;
        }

        lastSweepStarted = now;
        // Overlap the previous sweep: a write that started before it may have committed just after it looked.
        var since = (sweptUpTo ?? now - options.Value.LookBack) - TimeSpan.FromSeconds(30);
        var behind = await storedStates.ProductsBehindAsync(since);
        if (behind.Count > 0)
        {
            LogRepairing(logger, behind.Count);
            await Task.WhenAll(behind.Select(id => GrainFactory.GetGrain<IProductGrain>(id).RepairReadRowAsync()));
        }

        await GrainFactory.GetGrain<ICategoryTreeGrain>(ICategoryTreeGrain.Key).RepairReadRowsAsync();

        // Orders a crash left mid-placement or mid-cancel hold units under their name: finish them. Those written in
        // the last seconds are most likely still running, and would only queue behind themselves.
        var unfinished = await storedStates.UnfinishedOrdersAsync(since - TimeSpan.FromMinutes(1), now - UnfinishedOrderGrace);
        if (unfinished.Count > 0)
        {
            LogResumingOrders(logger, unfinished.Count);
            await Task.WhenAll(unfinished.Select(id => GrainFactory.GetGrain<IOrderGrain>(id).ResumeAsync()));
        }

        sweptUpTo = now;
        if (now - lastKeyCleanup >= options.Value.IdempotencyKeyCleanupInterval)
        {
            lastKeyCleanup = now;
            var deleted = await storedStates.DeleteIdempotencyKeysAsync(now - options.Value.IdempotencyKeyRetention);
            if (deleted > 0)
            {
                LogKeysDeleted(logger, deleted, options.Value.IdempotencyKeyRetention);
            }
        }
    }

    private static readonly TimeSpan UnfinishedOrderGrace = TimeSpan.FromSeconds(10);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} orders were left mid-placement or mid-cancel; finishing them")]
    private static partial void LogResumingOrders(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} Idempotency-Keys unused for {Retention}")]
    private static partial void LogKeysDeleted(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} product read rows were behind their grain state; repairing them")]
    private static partial void LogRepairing(ILogger logger, int count);
}
