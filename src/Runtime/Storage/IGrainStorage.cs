using Commerce.Runtime.Identity;

namespace Commerce.Runtime.Storage;

/// <summary>A stored state and its version.</summary>
public sealed record StoredState<TState>(TState State, long Version) where TState : class;

/// <summary>
/// Durable storage for one state type. Writes are conditional on the version the caller read, the way
/// optimistic concurrency works in Orleans' ADO.NET storage: a mismatch throws
/// <see cref="InconsistentStateException"/> and changes nothing.
/// </summary>
public interface IGrainStorage<TState> where TState : class
{
    Task<StoredState<TState>?> ReadAsync(GrainId id, CancellationToken cancellationToken);

    /// <returns>The new version.</returns>
    Task<long> WriteAsync(GrainId id, TState state, long expectedVersion, CancellationToken cancellationToken);

    Task ClearAsync(GrainId id, long expectedVersion, CancellationToken cancellationToken);
}
