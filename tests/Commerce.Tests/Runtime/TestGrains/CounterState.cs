namespace Commerce.Tests.Runtime.TestGrains;

/// <summary>The persistent state of <see cref="TestGrain"/>.</summary>
public sealed record CounterState(int Value);
