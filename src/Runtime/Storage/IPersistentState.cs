namespace Commerce.Runtime.Storage;

/// <summary>
/// A grain's durable state. <see cref="State"/> changes only after a successful write, so a call that
/// fails half-way never leaves the activation holding something the database does not have.
/// </summary>
public interface IPersistentState<TState> where TState : class
{
    /// <summary>The stored state, or null when no record exists.</summary>
    TState? State { get; }

    /// <summary>Version of the stored record (0 when none). Every successful write increments it.</summary>
    long Version { get; }

    bool RecordExists => State is not null;

    Task ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="state"/> if the stored version is still <see cref="Version"/>.</summary>
    /// <exception cref="InconsistentStateException">Someone else wrote first; nothing was changed.</exception>
    Task WriteAsync(TState state, CancellationToken cancellationToken = default);

    /// <summary>Deletes the record if the stored version is still <see cref="Version"/>.</summary>
    /// <exception cref="InconsistentStateException">Someone else wrote first; nothing was changed.</exception>
    Task ClearAsync(CancellationToken cancellationToken = default);
}
