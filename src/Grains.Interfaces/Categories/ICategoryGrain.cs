namespace Commerce.Grains.Interfaces.Categories;

/// <summary>
/// One category, keyed by its id: owns the category's stored state and its read row. Reads come here directly;
/// changes come only from <see cref="ICategoryTreeGrain"/>, which checks the rules that span the tree first.
/// </summary>
[Alias("Commerce.ICategoryGrain")]
public interface ICategoryGrain : IGrainWithIntegerKey
{
    /// <returns>The category, or null when it does not exist.</returns>
    [Alias("Get")]
    Task<CategorySnapshot?> GetAsync();

    /// <summary>Stores <paramref name="next"/> (whose version is one above the stored one) and its read row.</summary>
    /// <param name="path">Ids from the root down to this category, for the read row.</param>
    [Alias("Apply")]
    Task ApplyAsync(CategorySnapshot next, IReadOnlyList<long> path);

    /// <summary>Part of a subtree delete: clears the state and removes the read row. Repeating it is harmless.</summary>
    [Alias("Remove")]
    Task RemoveAsync();

    /// <summary>Writes the read row from the state again (after a crash left it behind, or to rebuild the table).</summary>
    [Alias("RepairReadRow")]
    Task RepairReadRowAsync(IReadOnlyList<long> path);
}
