using Commerce.Runtime.Identity;

namespace Commerce.Runtime.Activation;

/// <summary>
/// Tells live activations that their stored state was changed behind their back, so that every call made
/// after <see cref="RefreshAsync"/> returns sees the stored state. Grains that are not active need nothing.
/// </summary>
public interface IGrainStateRefresher
{
    Task RefreshAsync(IReadOnlyCollection<GrainId> grains, CancellationToken cancellationToken);
}

/// <summary>Refreshes activations of this process by queueing a reload ahead of any later call.</summary>
internal sealed class LocalGrainStateRefresher(ActivationDirectory directory) : IGrainStateRefresher
{
    public Task RefreshAsync(IReadOnlyCollection<GrainId> grains, CancellationToken cancellationToken)
    {
        foreach (var id in grains)
        {
            if (directory.TryGet(id, out var activation))
            {
                activation.TryEnqueue(new ReloadStateWorkItem());
            }
        }

        return Task.CompletedTask;
    }
}
