using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Commerce.Grains.Interfaces.Carts;
using Commerce.WebApi.Json;

namespace Commerce.WebApi.Carts;

/// <summary>A cart on the wire: lines at current prices, the total, and when it expires unless changed.</summary>
public sealed record CartResponse(
    [property: Description("The cart's uuid.")] string Id,
    IReadOnlyList<CartItemResponse> Items,
    [property: RegularExpression(Money.Pattern), Description("Sum of the line totals.")] string Total,
    [property: DataType(DataType.DateTime), Description("The cart expires then unless it is changed before; every change moves it.")] string ExpiresAt)
{
    public static CartResponse From(CartView cart) => new(
        cart.Id.ToString("D", CultureInfo.InvariantCulture), [.. cart.Items.Select(CartItemResponse.From)], Money.Format(cart.Total), ApiTime.Format(cart.ExpiresAt));
}

public sealed record CartItemResponse(
    long ProductId,
    string Title,
    string Sku,
    [property: RegularExpression(Money.Pattern), Description("The product's current price.")] string UnitPrice,
    [property: Description("Units reserved for this cart.")] long Quantity,
    [property: RegularExpression(Money.Pattern)] string LineTotal)
{
    public static CartItemResponse From(CartLine line) =>
        new(line.ProductId, line.Title, line.Sku, Money.Format(line.UnitPrice), line.Quantity, Money.Format(line.LineTotal));
}
