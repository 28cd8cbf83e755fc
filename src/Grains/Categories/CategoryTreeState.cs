namespace Commerce.Grains.Categories;

/// <summary>
/// What the tree grain persists: only the deletes in progress, the durable intent that lets a delete cut short by a
/// crash be finished. The tree's shape itself is the category grains' state. Orleans creates a missing state
/// without running constructors or initialisers, so the list may be null until the first delete.
/// </summary>
public sealed class CategoryTreeState
{
    public List<PendingCategoryDelete>? PendingDeletes { get; set; }
}

/// <summary>A subtree delete: every category in it, decided before the first one was removed.</summary>
public sealed record PendingCategoryDelete(long RootId, IReadOnlyList<long> CategoryIds);
