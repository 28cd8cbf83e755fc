namespace Commerce.Grains.Errors;

/// <summary>A create or move would break the tree: a node deeper than the maximum level, or a cycle.</summary>
public sealed class CategoryTreeException(string message) : Exception(message)
{
    public static CategoryTreeException TooDeep(int level) =>
        new($"the category tree may be at most {CategoryTreeRules.MaxLevel} levels deep; this change would put a category at level {level}.");

    public static CategoryTreeException Cycle() =>
        new("a category cannot be moved under itself or one of its descendants.");
}
