using System.Globalization;
using Commerce.Grains.Interfaces.Products;
using Commerce.WebApi.Json;

namespace Commerce.WebApi.Products;

/// <summary>A product on the wire. The price is a string with exactly two decimals so no client rounds it.</summary>
public sealed record ProductResponse(
    long Id,
    string Title,
    string Description,
    string? ImageUrl,
    string Sku,
    string Price,
    long? CategoryId,
    string CreatedAt,
    string UpdatedAt)
{
    public static ProductResponse From(ProductSnapshot product) => new(
        product.Id, product.Title, product.Description, product.ImageUrl, product.Sku,
        product.Price.ToString("0.00", CultureInfo.InvariantCulture), product.CategoryId,
        ApiTime.Format(product.CreatedAt), ApiTime.Format(product.UpdatedAt));
}
