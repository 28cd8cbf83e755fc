using Commerce.Runtime.Identity;

namespace Commerce.Runtime.Storage;

/// <summary>Binds one grain's state to its storage.</summary>
internal sealed class PersistentState<TState>(GrainId grainId, IGrainStorage<TState> storage)
    : IPersistentState<TState>, IReloadableState where TState : class
{
    public TState? State { get; private set; }

    public long Version { get; private set; }

    public async Task ReadAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storage.ReadAsync(grainId, cancellationToken);
        State = stored?.State;
        Version = stored?.Version ?? 0;
    }

    public async Task WriteAsync(TState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        Version = await storage.WriteAsync(grainId, state, Version, cancellationToken);
        State = state;
    }

    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        await storage.ClearAsync(grainId, Version, cancellationToken);
        State = null;
        Version = 0;
    }
}

/// <summary>Lets the runtime reload every state of an activation without knowing the state types.</summary>
internal interface IReloadableState
{
    Task ReadAsync(CancellationToken cancellationToken = default);
}
