using System.Collections.Concurrent;
using System.Threading.Channels;
using Commerce.Runtime.Hosting;
using Commerce.Runtime.Identity;
using Microsoft.Extensions.Options;

namespace Commerce.Runtime.Activation;

/// <summary>The activations living in this process, at most one per grain id.</summary>
internal sealed class ActivationDirectory(GrainActivator activator, TimeProvider time, IOptions<GrainRuntimeOptions> options)
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    // Kept as activations come and go, so metrics and the dashboard never walk every activation to count them.
    private readonly ConcurrentDictionary<string, int> _countsByType = new(StringComparer.Ordinal);
    // One pending signal at most: crossings while the collector has not caught up yet fold into it.
    private readonly Channel<bool> _overCapacity =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public int Count => _activations.Count;

    public IEnumerable<GrainActivation> All => _activations.Values;

    /// <summary>Live activations per grain type (types that had activations may show 0).</summary>
    public IReadOnlyDictionary<string, int> CountsByType => _countsByType;

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
            _countsByType.AddOrUpdate(id.Type, 1, static (_, count) => count + 1);
            _ = created.ActivateAsync(activator, Remove);
            if (_activations.Count > options.Value.MaxActivations)
            {
                _overCapacity.Writer.TryWrite(true);
            }
        }

        return queued;
    }

    /// <summary>Completes once more than <see cref="GrainRuntimeOptions.MaxActivations"/> activations live here.</summary>
    public async Task WaitUntilOverCapacityAsync(CancellationToken cancellationToken) =>
        await _overCapacity.Reader.ReadAsync(cancellationToken);

    private void Remove(GrainActivation activation)
    {
        if (_activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation)))
        {
            _countsByType.AddOrUpdate(activation.Id.Type, 0, static (_, count) => count - 1);
        }
    }
}
