namespace Commerce.Grains.Orders;

/// <summary>The name under which an order being placed holds its reservations on products (docs/adr/006).</summary>
public static class OrderHolder
{
    public const string Prefix = "order:";

    public static string Of(long orderId) => Prefix + orderId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
