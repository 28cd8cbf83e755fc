namespace Commerce.Grains.Interfaces.Idempotency;

/// <summary>
/// One client-chosen <c>Idempotency-Key</c>. It binds the key to the first request's fingerprint and to the id of the
/// operation that request started, so every repeat runs that same operation again (which its grain answers without
/// doing it twice), and keeps the first answer once there is one. Calls on one key run one at a time, so concurrent
/// repeats queue behind the first.
/// </summary>
[Alias("Commerce.IIdempotencyKeyGrain")]
public interface IIdempotencyKeyGrain : IGrainWithStringKey
{
    /// <summary>Binds the key on first use; later calls get what the first bound, and whether the fingerprint matches.</summary>
    [Alias("Begin")]
    Task<IdempotencyClaim> BeginAsync(string fingerprint, string operationId);

    /// <summary>Keeps the answer the bound operation gave, for repeats that come later.</summary>
    [Alias("Complete")]
    Task CompleteAsync(string fingerprint, StoredAnswer answer);
}
