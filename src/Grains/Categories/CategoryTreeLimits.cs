namespace Commerce.Grains.Categories;

/// <summary>Shape limits of the category tree.</summary>
public static class CategoryTreeLimits
{
    /// <summary>A root is level 1; the deepest allowed category is level 100.</summary>
    public const int MaxLevel = 100;

    public const int MaxNameLength = 255;
}
