using Commerce.Grains.Interfaces.Common;

namespace Commerce.Grains.Interfaces.Products;

/// <summary>
/// Changes to a product. An unset field stays as it is; a set field carries its new value, where null
/// clears <c>ImageUrl</c> or <c>CategoryId</c> and is refused for the required fields.
/// </summary>
public sealed record ProductPatch(
    Optional<string?> Title = default,
    Optional<string?> Description = default,
    Optional<string?> ImageUrl = default,
    Optional<string?> Sku = default,
    Optional<decimal?> Price = default,
    Optional<long?> CategoryId = default);
