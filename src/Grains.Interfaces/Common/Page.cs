namespace Commerce.Grains.Interfaces.Common;

/// <summary>One page of an ordered result and the exact number of matches in all pages.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total);
