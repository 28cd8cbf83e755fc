namespace Commerce.Grains.Storage;

/// <summary>
/// The storage provider and the state names under which grain state is kept. A state name is what the ADO.NET
/// provider writes into <c>OrleansStorage.GrainTypeString</c>, so SQL (tree loading, the read-row sweep, the audit)
/// finds each kind of grain by it: renaming one orphans the stored state.
/// </summary>
public static class GrainStorageNames
{
    public const string Provider = "catalog";

    public const string Product = "product";
    public const string Category = "category";
    public const string CategoryTree = "category-tree";
    public const string Sku = "sku";
    public const string IdempotencyKey = "idempotency-key";
    public const string Cart = "cart";
    public const string Order = "order";
}
