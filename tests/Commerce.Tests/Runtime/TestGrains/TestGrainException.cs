namespace Commerce.Tests.Runtime.TestGrains;

/// <summary>What <see cref="TestGrain"/> throws on purpose, so tests can tell it from runtime failures.</summary>
public sealed class TestGrainException(string message) : Exception(message);
