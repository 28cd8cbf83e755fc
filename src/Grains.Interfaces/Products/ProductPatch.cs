using Commerce.Grains.Interfaces.Common;

namespace Commerce.Grains.Interfaces.Products;

/// <summary>
/// Changes to a product. An unset field stays as it is; a set field carries its new value, where null
/// clears <c>ImageUrl</c> or <c>CategoryId</c> and is refused for the required fields.
/// </summary>
[GenerateSerializer, Immutable, Alias("Commerce.ProductPatch")]
public sealed record ProductPatch(
    [property: Id(0)] Optional<string?> Title = default,
    [property: Id(1)] Optional<string?> Description = default,
    [property: Id(2)] Optional<string?> ImageUrl = default,
    [property: Id(3)] Optional<string?> Sku = default,
    [property: Id(4)] Optional<decimal?> Price = default,
    [property: Id(5)] Optional<long?> CategoryId = default);
