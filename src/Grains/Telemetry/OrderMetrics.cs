using System.Diagnostics.Metrics;
using Commerce.ReadModel;

namespace Commerce.Grains.Telemetry;

/// <summary>Orders placed and refused, by reason (<c>catalog.orders.placed</c>, <c>catalog.orders.refused</c>).</summary>
public sealed class OrderMetrics(IMeterFactory meters)
{
    public const string OutOfStock = "out_of_stock";
    public const string UnknownProduct = "unknown_product";

    private readonly Counter<long> _placed = meters.Create(CatalogMeter.Name)
        .CreateCounter<long>(CatalogMeter.OrdersPlaced, description: "Orders placed.");

    private readonly Counter<long> _refused = meters.Create(CatalogMeter.Name)
        .CreateCounter<long>(CatalogMeter.OrdersRefused, description: "Orders refused, by reason (out_of_stock, unknown_product).");

    public void Placed() => _placed.Add(1);

    public void Refused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
