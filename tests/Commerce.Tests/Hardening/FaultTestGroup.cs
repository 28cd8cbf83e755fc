namespace Commerce.Tests.Hardening;

/// <summary>
/// The load-heavy hardening tests (torture, database restart, pool exhaustion, shutdown) run alone, not in
/// parallel with other collections: their load would otherwise slow timing-sensitive cluster tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultTestGroup
{
    public const string Name = "hardening faults";
}
