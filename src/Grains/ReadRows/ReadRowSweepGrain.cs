using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Grains.ReadRows;

/// <summary>
/// Finds product states written lately whose read row does not show them (by <c>ModifiedOn</c> in
/// <c>OrleansStorage</c>, so a sweep reads only what changed) and asks those products to write their rows again;
/// then asks the category tree to repair category rows. A new activation looks back <see cref="ReadRowSweepOptions.LookBack"/>.
/// </summary>
public sealed partial class ReadRowSweepGrain(
    StoredGrainStates storedStates, IOptions<ReadRowSweepOptions> options, ILogger<ReadRowSweepGrain> logger) : Grain, IReadRowSweepGrain
{
    private DateTime? sweptUpTo;
    private DateTime lastSweepStarted = DateTime.MinValue;

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
        sweptUpTo = now;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} product read rows were behind their grain state; repairing them")]
    private static partial void LogRepairing(ILogger logger, int count);
}
