using Orleans.Storage;

namespace Commerce.Grains.Storage;

/// <summary>
/// How a grain command meets a stale ETag. Orleans refuses a state write whose ETag is no longer the stored one
/// (<see cref="InconsistentStateException"/>): another activation of the same grain wrote in between, which can
/// happen briefly while membership changes. The command is then run again on the freshly read state, so its
/// checks see what the other write did; after a few tries the conflict reaches the caller, who gets a 503.
/// </summary>
internal static class StateConflicts
{
    private const int Attempts = 3;

    public static async Task<T> RetryAsync<TState, T>(IPersistentState<TState> state, Func<Task<T>> command)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await command();
            }
            catch (InconsistentStateException) when (attempt < Attempts)
            {
                await state.ReadStateAsync();
            }
        }
    }

    /// <summary>Writes <paramref name="next"/>; when the write fails the grain keeps the state it had.</summary>
    public static async Task WriteAsync<TState>(IPersistentState<TState> state, TState next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }
}
