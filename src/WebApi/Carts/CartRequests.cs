using System.Globalization;
using System.Text.Json;
using Commerce.Grains.Interfaces.Validation;
using Commerce.WebApi.Json;

namespace Commerce.WebApi.Carts;

/// <summary>Cart request bodies and path ids.</summary>
public static class CartRequests
{
    /// <summary>The <c>{"quantity": N}</c> of a cart line, 1–1000.</summary>
    public static QuantityBody ReadQuantity(JsonElement body, FieldErrors errors)
    {
        var fields = new JsonFields(body, errors);
        var quantity = fields.WholeNumber("quantity").Value;
        if (!errors.Has("quantity"))
        {
            errors.AddIfAny("quantity", CartRules.CheckQuantity(quantity));
        }

        return new QuantityBody(quantity ?? 0);
    }

    /// <summary>A cart id is a uuid; anything else names no cart (404).</summary>
    public static Guid? ParseCartId(string text) =>
        Guid.TryParseExact(text, "D", out var id) ? id : null;
}

public sealed record QuantityBody(long Quantity);
