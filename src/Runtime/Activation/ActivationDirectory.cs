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

    /// <summary>
    /// Queues <paramref name="item"/> on the live activation of <paramref name="id"/>, creating and starting one if
    /// there is none. False when that activation is closing and the caller must try again.
    /// </summary>
    public bool TryEnqueue(GrainId id, ActivationWorkItem item)
    {
        if (_activations.TryGetValue(id, out var existing))
        {
            return existing.TryEnqueue(item);
        }

        var created = new GrainActivation(id, time);
        var winner = _activations.GetOrAdd(id, created);
        var queued = winner.TryEnqueue(item);
        if (ReferenceEquals(winner, created))
        {
            // Started only once the call that created it is queued, so a failed activation fails that call
            // rather than closing before it arrives. A losing racer is simply dropped.
            _ = created.ActivateAsync(activator, Remove);
        }

        return queued;
    }

    private void Remove(GrainActivation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation));
}
