using Commerce.Grains.Categories;
using Commerce.Grains.Interfaces.Validation;

namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// The tree rules on the category states themselves: every parent exists, no cycle, no category deeper than
/// <see cref="CategoryTreeLimits.MaxLevel"/>, sibling names unique after case folding (roots too), and no subtree
/// delete left unfinished in the tree grain's state.
/// </summary>
internal static class CategoryStateChecks
{
    public static IEnumerable<string> Run(StoredCatalog stored)
    {
        var categories = stored.Categories;
        foreach (var (id, state) in categories.OrderBy(c => c.Key))
        {
            if (state.ParentId is { } parent && !categories.ContainsKey(parent))
            {
                yield return $"parent exists: category {id} names parent {parent}, which has no state";
                continue;
            }

            var (level, cycle) = Climb(categories, id);
            if (cycle)
            {
                yield return $"no cycle: category {id} is its own ancestor";
            }
            else if (level > CategoryTreeLimits.MaxLevel)
            {
                yield return $"level <= {CategoryTreeLimits.MaxLevel}: category {id} is at level {level}";
            }
        }

        foreach (var siblings in categories
            .GroupBy(c => (Parent: c.Value.ParentId, Key: CaseFold.Fold(c.Value.Name)))
            .Where(g => g.Count() > 1))
        {
            var parent = siblings.Key.Parent is { } id ? $"category {id}" : "root";
            yield return $"sibling names unique: under {parent}: " +
                string.Join(", ", siblings.Select(c => c.Key).Order());
        }

        foreach (var pending in stored.PendingDeletes)
        {
            yield return $"no pending category delete: delete of category {pending.RootId} ({pending.CategoryIds.Count} categories) is unfinished";
        }
    }

    /// <summary>
    /// Walks up from <paramref name="id"/>: its level when the walk ends at a root (or at a missing parent, reported
    /// on that category), and whether it comes back to <paramref name="id"/>. A walk that enters a cycle not through
    /// <paramref name="id"/> stops there; the categories on that cycle are reported themselves.
    /// </summary>
    private static (int Level, bool Cycle) Climb(IReadOnlyDictionary<long, CategoryState> categories, long id)
    {
        var seen = new HashSet<long> { id };
        var level = 1;
        for (var at = categories[id].ParentId; at is { } current && categories.TryGetValue(current, out var state); at = state.ParentId)
        {
            if (!seen.Add(current))
            {
                return (level, current == id);
            }

            level++;
        }

        return (level, false);
    }
}
