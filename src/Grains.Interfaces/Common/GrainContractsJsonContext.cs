using System.Text.Json.Serialization;
using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Interfaces.Products;

namespace Commerce.Grains.Interfaces.Common;

/// <summary>
/// Source-generated JSON metadata for everything the catalog grains take and return, used when a call crosses
/// from one process to another. Calls inside one process pass the immutable records as they are.
/// </summary>
[JsonSerializable(typeof(ProductDraft))]
[JsonSerializable(typeof(ProductPatch))]
[JsonSerializable(typeof(ProductSnapshot))]
[JsonSerializable(typeof(CatalogResult<ProductSnapshot>))]
[JsonSerializable(typeof(CategoryDraft))]
[JsonSerializable(typeof(CategoryPatch))]
[JsonSerializable(typeof(CategorySnapshot))]
[JsonSerializable(typeof(CatalogResult<CategorySnapshot>))]
[JsonSerializable(typeof(DeleteResult))]
[JsonSerializable(typeof(long?))]
public sealed partial class GrainContractsJsonContext : JsonSerializerContext;
