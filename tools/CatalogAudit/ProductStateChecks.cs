namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// The rules between product states, categories and SKU grains: SKUs unique, every linked category exists, every
/// product's SKU grain names it. A SKU grain naming a product that no longer carries the SKU is only a warning: a
/// crash between a product's write and its release leaves such a claim, and the next claim of the SKU clears it.
/// </summary>
internal static class ProductStateChecks
{
    public static IEnumerable<string> Violations(StoredCatalog stored)
    {
        foreach (var duplicates in stored.Products.GroupBy(p => p.Value.Sku, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"SKUs unique: {duplicates.Key}: " + string.Join(", ", duplicates.Select(p => p.Key).Order());
        }

        foreach (var (id, product) in stored.Products.OrderBy(p => p.Key))
        {
            if (product.CategoryId is { } category && !stored.Categories.ContainsKey(category))
            {
                yield return $"product category exists: product {id} -> {category}";
            }

            long? holder = stored.SkuClaims.TryGetValue(product.Sku, out var claimant) ? claimant : null;
            if (holder != id)
            {
                yield return $"SKU claimed by its product: product {id} carries {product.Sku}, whose SKU grain names " +
                    (holder is null ? "no product" : $"product {holder}");
            }
        }
    }

    public static IEnumerable<string> Warnings(StoredCatalog stored)
    {
        foreach (var (sku, holder) in stored.SkuClaims.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var carried = stored.Products.GetValueOrDefault(holder)?.Sku;
            if (carried != sku)
            {
                yield return $"stale SKU claim: {sku} names product {holder}, which " +
                    (carried is null ? "does not exist" : $"carries {carried}");
            }
        }
    }
}
