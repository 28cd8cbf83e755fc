using Commerce.Runtime.Identity;
using Commerce.Runtime.Storage;

namespace Commerce.Tests.Runtime.TestGrains;

/// <summary>
/// Grain storage in memory with the version rule of the real storage (a write or clear must name the stored
/// version, else it throws <see cref="InconsistentStateException"/> and changes nothing), plus hooks that let a
/// test write behind a grain's back, hold a read, or make the next read or write fail.
/// </summary>
public sealed class InMemoryGrainStorage<TState> : IGrainStorage<TState> where TState : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<GrainId, StoredState<TState>> _records = [];
    private readonly Dictionary<GrainId, int> _reads = [];
    private readonly Dictionary<GrainId, int> _rejectedWrites = [];
    private readonly Dictionary<GrainId, List<TState>> _acceptedWrites = [];
    private readonly Dictionary<GrainId, ReadGate> _heldReads = [];
    private readonly Dictionary<GrainId, Exception> _failingReads = [];
    private readonly Dictionary<GrainId, Exception> _failingWrites = [];

    /// <summary>Runs before every write, the way a competing writer that gets there first would.</summary>
    public Action<GrainId>? BeforeWrite { get; set; }

    public StoredState<TState>? Stored(GrainId id)
    {
        lock (_lock) return _records.GetValueOrDefault(id);
    }

    public int ReadCount(GrainId id)
    {
        lock (_lock) return _reads.GetValueOrDefault(id);
    }

    public int RejectedWrites(GrainId id)
    {
        lock (_lock) return _rejectedWrites.GetValueOrDefault(id);
    }

    /// <summary>The states the grain managed to write, in order; writes behind its back are not listed.</summary>
    public IReadOnlyList<TState> AcceptedWrites(GrainId id)
    {
        lock (_lock) return _acceptedWrites.TryGetValue(id, out var writes) ? [.. writes] : [];
    }

    /// <summary>Stores <paramref name="state"/> as someone other than the grain would: the version moves on.</summary>
    public void WriteBehindTheBack(GrainId id, TState state)
    {
        lock (_lock) _records[id] = new StoredState<TState>(state, VersionOf(id) + 1);
    }

    /// <summary>The next read of <paramref name="id"/> waits until the returned gate is released.</summary>
    public ReadGate HoldNextRead(GrainId id)
    {
        lock (_lock) return _heldReads[id] = new ReadGate();
    }

    public void FailNextRead(GrainId id, Exception failure)
    {
        lock (_lock) _failingReads[id] = failure;
    }

    public void FailNextWrite(GrainId id, Exception failure)
    {
        lock (_lock) _failingWrites[id] = failure;
    }

    public async Task<StoredState<TState>?> ReadAsync(GrainId id, CancellationToken cancellationToken)
    {
        ReadGate? gate;
        Exception? failure;
        lock (_lock)
        {
            _reads[id] = _reads.GetValueOrDefault(id) + 1;
            _heldReads.Remove(id, out gate);
            _failingReads.Remove(id, out failure);
        }

        await Task.Yield();
        if (gate is not null)
        {
            await gate.EnterAsync(cancellationToken);
        }

        if (failure is not null)
        {
            throw failure;
        }

        return Stored(id);
    }

    public async Task<long> WriteAsync(GrainId id, TState state, long expectedVersion, CancellationToken cancellationToken)
    {
        await Task.Yield();
        BeforeWrite?.Invoke(id);
        lock (_lock)
        {
            CheckWritable(id, expectedVersion);
            var version = expectedVersion + 1;
            _records[id] = new StoredState<TState>(state, version);
            if (!_acceptedWrites.TryGetValue(id, out var writes))
            {
                _acceptedWrites[id] = writes = [];
            }

            writes.Add(state);
            return version;
        }
    }

    public async Task ClearAsync(GrainId id, long expectedVersion, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (_lock)
        {
            CheckWritable(id, expectedVersion);
            _records.Remove(id);
        }
    }

    private void CheckWritable(GrainId id, long expectedVersion)
    {
        if (_failingWrites.Remove(id, out var failure))
        {
            throw failure;
        }

        if (VersionOf(id) != expectedVersion)
        {
            _rejectedWrites[id] = _rejectedWrites.GetValueOrDefault(id) + 1;
            throw new InconsistentStateException(id, expectedVersion);
        }
    }

    private long VersionOf(GrainId id) => _records.TryGetValue(id, out var record) ? record.Version : 0;
}
