using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Commerce.Grains.Interfaces.Products;
using Commerce.WebApi.Json;
using Commerce.WebApi.Stock;

namespace Commerce.WebApi.Products;

/// <summary>A product on the wire. The price is a string with exactly two decimals so no client rounds it.</summary>
public sealed record ProductResponse(
    long Id,
    string Title,
    string Description,
    string? ImageUrl,
    string Sku,
    [property: RegularExpression(@"^[0-9]{1,10}\.[0-9]{2}$"), Description("Exact decimal with two decimals, as a string so no client rounds it.")]
    string Price,
    long? CategoryId,
    [property: DataType(DataType.DateTime)] string CreatedAt,
    [property: DataType(DataType.DateTime), Description("Moves forward on every change (stock changes included).")] string UpdatedAt,
    StockResponse Stock,
    [property: Description("Units a buyer can still reserve: stock.available, repeated at the top level for lists and searches.")] long Available)
{
    public static ProductResponse From(ProductSnapshot product) => new(
        product.Id, product.Title, product.Description, product.ImageUrl, product.Sku,
        Money.Format(product.Price), product.CategoryId,
        ApiTime.Format(product.CreatedAt), ApiTime.Format(product.UpdatedAt),
        StockResponse.From(product.Stock), product.Stock.Available);
}
