namespace Commerce.Grains.Interfaces.Idempotency;

/// <summary>An HTTP answer as the client first received it: status, JSON body and, for a 201, its Location.</summary>
[GenerateSerializer, Immutable, Alias("Commerce.StoredAnswer")]
public sealed record StoredAnswer(
    [property: Id(0)] int Status,
    [property: Id(1)] string ContentType,
    [property: Id(2)] string Body,
    [property: Id(3)] string? Location);
