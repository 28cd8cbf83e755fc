using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Grains.ReadRows;

/// <summary>
/// Pokes the sweep grain on every silo, so the sweep goes on whichever silos are alive; the grain itself makes sure it
/// runs once per interval. It also activates the category tree early, which finishes any delete a crash cut short.
/// </summary>
internal sealed partial class ReadRowSweepService(
    IGrainFactory grains, IOptions<ReadRowSweepOptions> options, ILogger<ReadRowSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await grains.GetGrain<IReadRowSweepGrain>(0).SweepAsync();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Read-row sweep failed; trying again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
