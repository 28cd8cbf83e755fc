namespace Commerce.WebApi.Idempotency;

/// <summary>Endpoint metadata: the operation honours <c>Idempotency-Key</c> (the document says so).</summary>
public sealed class IdempotentOperation
{
    public static IdempotentOperation Instance { get; } = new();
}
