namespace Commerce.Tests.Runtime.TestGrains;

/// <summary>What a <see cref="TestGrain"/> reports to the <see cref="GrainProbe"/>, per grain key.</summary>
public enum GrainEvent
{
    Activated,
    Deactivated,
    IncrementAttempted,
}
