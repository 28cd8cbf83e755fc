namespace Commerce.Grains.Interfaces.Validation;

/// <summary>The limits of cart and order lines (API.md "Carts", "Orders").</summary>
public static class CartRules
{
    public const long MinQuantity = 1;
    public const long MaxQuantity = 1000;

    public static string? CheckQuantity(long? quantity) => quantity switch
    {
        null => "is required.",
        < MinQuantity or > MaxQuantity => $"must be from {MinQuantity} to {MaxQuantity}.",
        _ => null,
    };
}
