using System.Collections.Concurrent;
using Commerce.Runtime.Identity;

namespace Commerce.Runtime.Activation;

/// <summary>The activations living in this process, at most one per grain id.</summary>
internal sealed class ActivationDirectory(GrainActivator activator, TimeProvider time)
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();

    public int Count => _activations.Count;

    public IEnumerable<GrainActivation> All => _activations.Values;

    public bool TryGet(GrainId id, out GrainActivation activation) => _activations.TryGetValue(id, out activation!);

    /// <summary>Returns the live activation of <paramref name="id"/>, creating and starting one if there is none.</summary>
    public GrainActivation GetOrActivate(GrainId id)
    {
        if (_activations.TryGetValue(id, out var existing))
        {
            return existing;
        }

        var created = new GrainActivation(id, time);
        var winner = _activations.GetOrAdd(id, created);
        if (ReferenceEquals(winner, created))
        {
            // Only the instance that made it into the directory runs; a losing racer is simply dropped.
            _ = Task.Run(() => created.RunAsync(activator, Remove));
        }

        return winner;
    }

    private void Remove(GrainActivation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation));
}
