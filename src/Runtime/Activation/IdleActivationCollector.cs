using Commerce.Runtime.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Commerce.Runtime.Activation;

/// <summary>
/// Bounds the memory activations hold: collects those that handled no call for <see cref="GrainRuntimeOptions.IdleTimeout"/>,
/// and, as soon as there are more than <see cref="GrainRuntimeOptions.MaxActivations"/>, the least recently used ones.
/// </summary>
internal sealed class IdleActivationCollector(
    ActivationDirectory directory, IOptions<GrainRuntimeOptions> options, TimeProvider time) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(CollectIdlePeriodicallyAsync(stoppingToken), CollectOverCapacityWhenSignalledAsync(stoppingToken));

    /// <returns>How many activations were closed.</returns>
    internal int CollectIdle()
    {
        var idleTimeout = options.Value.IdleTimeout;
        var closed = 0;
        foreach (var activation in directory.All)
        {
            if (activation.IdleFor >= idleTimeout && activation.TryCloseIfIdle())
            {
                closed++;
            }
        }

        return closed;
    }

    /// <summary>Over the cap, closes the least recently used idle activations until 90% of the cap is left.</summary>
    /// <returns>How many activations were closed.</returns>
    internal int CollectOverCapacity()
    {
        var target = (int)(options.Value.MaxActivations * 0.9);
        var excess = directory.Count - target;
        if (excess <= 0)
        {
            return 0;
        }

        var candidates = directory.All.ToArray();
        var lastActive = Array.ConvertAll(candidates, activation => activation.LastActive);
        Array.Sort(lastActive, candidates);
        var closed = 0;
        foreach (var activation in candidates)
        {
            if (closed >= excess)
            {
                break;
            }

            if (activation.TryCloseIfIdle())
            {
                closed++;
            }
        }

        return closed;
    }

    private async Task CollectIdlePeriodicallyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CollectionInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            CollectIdle();
        }
    }

    private async Task CollectOverCapacityWhenSignalledAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await directory.WaitUntilOverCapacityAsync(stoppingToken);
            CollectOverCapacity();
        }
    }
}
