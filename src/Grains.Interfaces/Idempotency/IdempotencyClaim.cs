namespace Commerce.Grains.Interfaces.Idempotency;

/// <summary>
/// What a key is bound to. <paramref name="SameRequest"/> is false when the key was first used with another request
/// (the client must pick another key); <paramref name="Answer"/> is null until the first attempt has answered.
/// </summary>
[GenerateSerializer, Immutable, Alias("Commerce.IdempotencyClaim")]
public sealed record IdempotencyClaim(
    [property: Id(0)] bool SameRequest,
    [property: Id(1)] string OperationId,
    [property: Id(2)] StoredAnswer? Answer);
