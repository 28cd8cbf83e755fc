using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Runtime.Cluster;

/// <summary>
/// Keeps this process in the cluster. A silo registers once the host has started (so it can already answer),
/// heartbeats, declares silos with stale heartbeats dead, and re-reads the view; a client only re-reads. A silo
/// that finds itself declared dead stops the process: it must never serve again under that generation.
/// </summary>
internal sealed partial class MembershipAgent(
    MembershipTable table,
    ClusterMembership membership,
    SiloEndpoint endpoint,
    SiloClient silos,
    IOptions<ClusterOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<MembershipAgent> logger) : BackgroundService
{
    private static readonly TimeSpan ShowEndedFor = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        if (settings.Mode == ClusterMode.Silo)
        {
            var generation = await table.RegisterAsync(endpoint.Address, Environment.MachineName, stoppingToken);
            membership.SetLocalGeneration(generation);
            LogJoined(logger, generation, endpoint.Address);
            lifetime.ApplicationStopping.Register(() =>
            {
                if (membership.LeaveOnStop)
                {
                    _ = LeaveAsync(generation);
                }
            });
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(settings, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTickFailed(logger, ex);
            }

            try
            {
                await membership.WaitForRefreshRequestAsync(settings.HeartbeatInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task TickAsync(ClusterOptions settings, CancellationToken cancellationToken)
    {
        if (!membership.LeaveOnStop)
        {
            return; // crashed (test seam): no more heartbeats either
        }

        if (membership.LocalGeneration is { } generation && !await table.HeartbeatAsync(generation, cancellationToken))
        {
            LogDeclaredDead(logger, generation);
            lifetime.StopApplication();
            return;
        }

        if (settings.Mode == ClusterMode.Silo)
        {
            foreach (var dead in await table.DeclareDeadAsync(settings.DeathTimeout, cancellationToken))
            {
                LogDeclaredOtherDead(logger, dead);
            }
        }

        var rows = await table.ReadAsync(ShowEndedFor, cancellationToken);
        membership.AllSilos = rows;
        membership.Update(new ClusterView([.. rows.Where(s => s.Status == SiloInfo.Active)]));
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Leaves at once on a graceful stop and tells the others, so its grains move without waiting for a timeout.</summary>
    private async Task LeaveAsync(long generation)
    {
        try
        {
            await table.SetStatusAsync(generation, SiloInfo.Dead, CancellationToken.None);
            var others = membership.View.Active.Where(s => s.Generation != generation).ToArray();
            membership.Update(new ClusterView(others));
            await Task.WhenAll(others.Select(silo => silos.NotifyMembershipChangedAsync(silo, CancellationToken.None)));
            LogLeft(logger, generation);
        }
        catch (Exception ex)
        {
            // The others will declare this silo dead after the death timeout instead.
            LogLeaveFailed(logger, ex, generation);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo joined the cluster as generation {Generation} at {Address}")]
    private static partial void LogJoined(ILogger logger, long generation, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo generation {Generation} left the cluster")]
    private static partial void LogLeft(ILogger logger, long generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo generation {Generation} could not leave cleanly")]
    private static partial void LogLeaveFailed(ILogger logger, Exception exception, long generation);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Silo generation {Generation} was declared dead by the cluster; stopping")]
    private static partial void LogDeclaredDead(ILogger logger, long generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Declared silo generation {Generation} dead: no heartbeat within the death timeout")]
    private static partial void LogDeclaredOtherDead(ILogger logger, long generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Membership heartbeat failed; retrying")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
