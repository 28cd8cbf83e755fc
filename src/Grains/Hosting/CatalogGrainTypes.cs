namespace Commerce.Grains.Hosting;

/// <summary>The type names that appear in catalog grain ids.</summary>
public static class CatalogGrainTypes
{
    public const string Product = "product";
    public const string Category = "category";
}
