using Commerce.Grains.Interfaces.Idempotency;
using Commerce.Grains.Storage;

namespace Commerce.Grains.Idempotency;

/// <summary>
/// An Idempotency-Key (docs/adr/006). The binding is written before the operation runs, so a repeat after a crash
/// still finds the operation id and runs the same operation, never a second one. Kept in grain storage.
/// </summary>
public sealed class IdempotencyKeyGrain(
    [PersistentState(GrainStorageNames.IdempotencyKey, GrainStorageNames.Provider)] IPersistentState<IdempotencyKeyState> key,
    TimeProvider time) : Grain, IIdempotencyKeyGrain
{
    public async Task<IdempotencyClaim> BeginAsync(string fingerprint, string operationId)
    {
        var state = key.State;
        if (state.Fingerprint.Length == 0)
        {
            await StateConflicts.RetryAsync(key, async () =>
            {
                if (key.State.Fingerprint.Length == 0)
                {
                    await StateConflicts.WriteAsync(key, new IdempotencyKeyState
                    {
                        Fingerprint = fingerprint, OperationId = operationId, FirstUsedAt = CatalogClock.Now(time),
                    });
                }

                return true;
            });
            state = key.State;
        }

        return new IdempotencyClaim(state.Fingerprint == fingerprint, state.OperationId, state.Fingerprint == fingerprint ? state.Answer : null);
    }

    public async Task CompleteAsync(string fingerprint, StoredAnswer answer)
    {
        // Only the first answer counts; a concurrent repeat that ran the same operation got the same one.
        if (key.State.Fingerprint == fingerprint && key.State.Answer is null)
        {
            await StateConflicts.RetryAsync(key, async () =>
            {
                if (key.State.Answer is null)
                {
                    await StateConflicts.WriteAsync(key, key.State with { Answer = answer });
                }

                return true;
            });
        }
    }
}
