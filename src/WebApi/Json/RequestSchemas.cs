namespace Commerce.WebApi.Json;

// These records only describe request bodies in the OpenAPI document. Bodies are read by JsonBodyReader and
// JsonFields, which tell absent from null and report wrong JSON types per field.

/// <summary>POST /api/v1/products. <c>price</c> is a JSON number or a string such as "1299.99".</summary>
public sealed record CreateProductRequest(string Title, string Description, string? ImageUrl, string Sku, string Price, long? CategoryId);

/// <summary>PATCH /api/v1/products/{id}: any subset of the fields; null clears image_url or category_id.</summary>
public sealed record UpdateProductRequest(string? Title, string? Description, string? ImageUrl, string? Sku, string? Price, long? CategoryId);

/// <summary>POST /api/v1/categories; a null or absent parent_id makes a root.</summary>
public sealed record CreateCategoryRequest(string Name, long? ParentId);

/// <summary>PATCH /api/v1/categories/{id}: rename, move (null parent_id moves to the roots), or both.</summary>
public sealed record UpdateCategoryRequest(string? Name, long? ParentId);
