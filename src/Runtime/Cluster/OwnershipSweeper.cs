using Commerce.Runtime.Activation;
using Microsoft.Extensions.Hosting;

namespace Commerce.Runtime.Cluster;

/// <summary>When the view changes, deactivates local activations of grains that now belong to another silo.</summary>
internal sealed class OwnershipSweeper(ClusterMembership membership, ActivationDirectory directory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        membership.Changed += Sweep;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        membership.Changed -= Sweep;
        return Task.CompletedTask;
    }

    private void Sweep(ClusterView view)
    {
        var self = membership.LocalGeneration;
        foreach (var activation in directory.All)
        {
            if (GrainPlacement.OwnerOf(activation.Id, view) is { } owner && owner.Generation != self)
            {
                activation.RequestDeactivationOnIdle();
                activation.TryCloseIfIdle();
            }
        }
    }
}
