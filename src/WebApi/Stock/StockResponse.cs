using System.ComponentModel;
using Commerce.Grains.Interfaces.Stock;

namespace Commerce.WebApi.Stock;

/// <summary>A product's stock on the wire: <c>available = on_hand − reserved</c>, what a buyer can still reserve.</summary>
public sealed record StockResponse(
    [property: Description("Units the shop holds, including reserved ones.")] long OnHand,
    [property: Description("Units held by live carts and orders being placed.")] long Reserved,
    [property: Description("on_hand − reserved.")] long Available)
{
    public static StockResponse From(ProductStock stock) => new(stock.OnHand, stock.Reserved, stock.Available);
}
