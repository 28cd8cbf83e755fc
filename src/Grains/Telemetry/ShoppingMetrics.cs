using System.Diagnostics.Metrics;
using Commerce.ReadModel;

namespace Commerce.Grains.Telemetry;

/// <summary>Counts what carts do on their own, unasked: expiring and giving their reservations back.</summary>
public sealed class ShoppingMetrics(IMeterFactory meters)
{
    private readonly Counter<long> _cartsExpired = meters.Create(CatalogMeter.Name)
        .CreateCounter<long>(CatalogMeter.CartsExpired, description: "Carts that expired and released their reservations.");

    public void CartExpired() => _cartsExpired.Add(1);
}
