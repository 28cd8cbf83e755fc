using Commerce.Runtime.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Commerce.Runtime.Activation;

/// <summary>Collects activations that handled no call for <see cref="GrainRuntimeOptions.IdleTimeout"/>, bounding memory.</summary>
internal sealed class IdleActivationCollector(
    ActivationDirectory directory, IOptions<GrainRuntimeOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CollectionInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            CollectIdle();
        }
    }

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
}
