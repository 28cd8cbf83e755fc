using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Commerce.Grains.Interfaces.Orders;
using Commerce.WebApi.Json;

namespace Commerce.WebApi.Orders;

/// <summary>An order on the wire. Lines hold the title, SKU and price the product had when the order was placed.</summary>
public sealed record OrderResponse(
    long Id,
    string CustomerId,
    [property: Description("`placed` or `cancelled`.")] string Status,
    IReadOnlyList<OrderItemResponse> Items,
    [property: RegularExpression(Money.Pattern)] string Total,
    [property: DataType(DataType.DateTime)] string CreatedAt,
    [property: DataType(DataType.DateTime)] string UpdatedAt)
{
    public static OrderResponse From(OrderView order) => new(
        order.Id, order.CustomerId, order.Status == OrderStatus.Cancelled ? "cancelled" : "placed",
        [.. order.Items.Select(OrderItemResponse.From)], Money.Format(order.Total), ApiTime.Format(order.CreatedAt), ApiTime.Format(order.UpdatedAt));
}

public sealed record OrderItemResponse(
    long ProductId,
    [property: Description("The product's title when the order was placed.")] string Title,
    [property: Description("The product's SKU when the order was placed.")] string Sku,
    [property: RegularExpression(Money.Pattern), Description("The product's price when the order was placed.")] string UnitPrice,
    long Quantity,
    [property: RegularExpression(Money.Pattern)] string LineTotal)
{
    public static OrderItemResponse From(OrderLine line) =>
        new(line.ProductId, line.Title, line.Sku, Money.Format(line.UnitPrice), line.Quantity, Money.Format(line.LineTotal));
}
