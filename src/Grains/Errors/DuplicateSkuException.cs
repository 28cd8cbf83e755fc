namespace Commerce.Grains.Errors;

/// <summary>Another product already has this SKU (enforced by a unique constraint, so it holds across silos).</summary>
public sealed class DuplicateSkuException(string sku) : Exception($"A product with SKU '{sku}' already exists.");
