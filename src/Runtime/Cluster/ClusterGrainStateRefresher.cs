using Commerce.Runtime.Activation;
using Commerce.Runtime.Identity;

namespace Commerce.Runtime.Cluster;

/// <summary>
/// Refreshes activations on every active silo, not just the owners: during a membership change a grain may
/// briefly have a second, stale activation, and that one must not serve old state either.
/// </summary>
internal sealed class ClusterGrainStateRefresher(
    ClusterMembership membership, LocalGrainStateRefresher local, SiloClient silos) : IGrainStateRefresher
{
    public async Task RefreshAsync(IReadOnlyCollection<GrainId> grains, CancellationToken cancellationToken)
    {
        if (grains.Count == 0)
        {
            return;
        }

        await local.RefreshAsync(grains, cancellationToken);
        var ids = grains.ToArray();
        var others = membership.View.Active.Where(silo => silo.Generation != membership.LocalGeneration);
        await Task.WhenAll(others.Select(async silo =>
        {
            try
            {
                await silos.RefreshAsync(silo, ids, cancellationToken);
            }
            catch (HttpRequestException)
            {
                // An unreachable silo is about to be declared dead, and its activations go with it.
            }
        }));
    }
}
