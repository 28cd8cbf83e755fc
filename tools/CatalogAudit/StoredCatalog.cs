using Commerce.Grains.Carts;
using Commerce.Grains.Categories;
using Commerce.Grains.Orders;
using Commerce.Grains.Products;

namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// The catalog's grain state as stored in <c>OrleansStorage</c>: the source of truth the read tables project.
/// Only existing resources (version above 0) are held; deleted ones keep a row with no payload and are left out.
/// </summary>
public sealed record StoredCatalog(
    IReadOnlyDictionary<long, ProductState> Products,
    IReadOnlyDictionary<long, CategoryState> Categories,
    IReadOnlyDictionary<string, long> SkuClaims,
    IReadOnlyList<PendingCategoryDelete> PendingDeletes)
{
    /// <summary>Carts that exist (expired ones included until they are released), by uuid.</summary>
    public IReadOnlyDictionary<Guid, CartState> Carts { get; init; } = new Dictionary<Guid, CartState>();

    /// <summary>Every order state (refused ones included), by id.</summary>
    public IReadOnlyDictionary<long, OrderState> Orders { get; init; } = new Dictionary<long, OrderState>();

    /// <summary>
    /// The tree as the tree grain loads it (categories of an unfinished delete left out, children of a missing parent
    /// or caught in a cycle left out), so paths come from the grains' own <see cref="CategoryTree.PathOf"/>.
    /// </summary>
    public CategoryTree Tree()
    {
        var deleting = PendingDeletes.SelectMany(d => d.CategoryIds).ToHashSet();
        return CategoryTree.Build(Categories
            .Where(c => !deleting.Contains(c.Key))
            .Select(c => (c.Key, c.Value.ParentId, c.Value.Name, c.Value.Version)));
    }
}
