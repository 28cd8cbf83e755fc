namespace Commerce.Grains.Carts;

/// <summary>The name under which a cart's reservations are held on products (docs/adr/006).</summary>
public static class CartHolder
{
    public const string Prefix = "cart:";

    public static string Of(Guid cartId) => Prefix + cartId.ToString("D", System.Globalization.CultureInfo.InvariantCulture);
}
