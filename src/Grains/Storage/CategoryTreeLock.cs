using Npgsql;

namespace Commerce.Grains.Storage;

/// <summary>
/// A transaction-scoped advisory lock over the shape of the category tree. Moves and deletes take it
/// exclusively, so two of them never check the tree against each other's half-done change; creates and
/// product links take it shared, so they run in parallel with each other but never against a move or a
/// delete. The lock lives in PostgreSQL, so it serialises writers on every silo (docs/adr/002).
/// </summary>
internal static class CategoryTreeLock
{
    // Any fixed 64-bit number works; this one spells "CATTREE" in ASCII so it is recognisable in pg_locks.
    private const long Key = 0x43_41_54_54_52_45_45;

    public static NpgsqlBatchCommand Exclusive() => new("SELECT pg_advisory_xact_lock($1)") { Parameters = { new() { Value = Key } } };

    public static NpgsqlBatchCommand Shared() => new("SELECT pg_advisory_xact_lock_shared($1)") { Parameters = { new() { Value = Key } } };
}
