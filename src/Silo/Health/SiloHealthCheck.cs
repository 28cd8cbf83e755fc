using Commerce.Runtime.Cluster;
using Commerce.Silo.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Commerce.Silo.Health;

/// <summary>
/// Ready once the node is part of its cluster: a standalone silo when the host has started, a clustered silo
/// when it is registered and active, a client when it sees at least one active silo.
/// </summary>
internal sealed class SiloHealthCheck(IHostApplicationLifetime lifetime, ClusterMembership membership, SiloRole role) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The node is starting or stopping."));
        }

        return Task.FromResult(role.Mode switch
        {
            ClusterMode.Silo when !membership.IsJoined => HealthCheckResult.Unhealthy("The silo has not joined the cluster."),
            ClusterMode.Client when membership.View.Active.Count == 0 => HealthCheckResult.Unhealthy("No silo of the cluster is active."),
            _ => HealthCheckResult.Healthy($"{membership.View.Active.Count} active silo(s)."),
        });
    }
}
