namespace Commerce.Grains.Categories;

/// <summary>
/// What the tree grain persists: only the deletes in progress, the durable intent that lets a delete cut short by a
/// crash be finished. The tree's shape itself is the category grains' state.
/// </summary>
public sealed record CategoryTreeState
{
    public List<PendingCategoryDelete> PendingDeletes { get; init; } = [];
}

/// <summary>A subtree delete: every category in it, decided before the first one was removed.</summary>
public sealed record PendingCategoryDelete(long RootId, IReadOnlyList<long> CategoryIds);
