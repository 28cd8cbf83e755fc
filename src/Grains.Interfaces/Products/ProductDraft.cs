namespace Commerce.Grains.Interfaces.Products;

/// <summary>A new product as the client sent it, before the grain applies the rules. Null means "not given".</summary>
public sealed record ProductDraft(
    string? Title,
    string? Description,
    string? ImageUrl,
    string? Sku,
    decimal? Price,
    long? CategoryId);
