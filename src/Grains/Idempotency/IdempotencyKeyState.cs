using Commerce.Grains.Interfaces.Idempotency;

namespace Commerce.Grains.Idempotency;

/// <summary>What an Idempotency-Key grain persists; an empty <see cref="Fingerprint"/> means the key is unused.</summary>
public sealed record IdempotencyKeyState
{
    public string Fingerprint { get; init; } = "";
    public string OperationId { get; init; } = "";
    public StoredAnswer? Answer { get; init; }
    public DateTimeOffset FirstUsedAt { get; init; }
}
