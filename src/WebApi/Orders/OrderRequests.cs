using System.Globalization;
using System.Text.Json;
using Commerce.Grains.Interfaces.Orders;
using Commerce.Grains.Interfaces.Validation;
using Commerce.WebApi.Json;

namespace Commerce.WebApi.Orders;

/// <summary>Order and checkout bodies, checked against <see cref="OrderRules"/>; errors name fields as <c>items[2].quantity</c>.</summary>
public static class OrderRequests
{
    public static OrderBody ReadOrder(JsonElement body, FieldErrors errors)
    {
        var customer = ReadCustomer(body, errors);
        var lines = new List<RequestedLine>();
        if (!body.TryGetProperty("items", out var items) || items.ValueKind == JsonValueKind.Null)
        {
            errors.Add("items", "is required.");
        }
        else if (items.ValueKind != JsonValueKind.Array)
        {
            errors.Add("items", "must be an array of {product_id, quantity}.");
        }
        else
        {
            errors.AddIfAny("items", OrderRules.CheckLineCount(items.GetArrayLength()));
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                if (ReadLine(item, $"items[{index++}]", errors) is { } line)
                {
                    lines.Add(line);
                }
            }

            foreach (var twice in lines.GroupBy(l => l.ProductId).Where(g => g.Count() > 1))
            {
                errors.Add("items", $"must name product {twice.Key} at most once.");
            }
        }

        return new OrderBody(customer, lines);
    }

    public static CheckoutBody ReadCheckout(JsonElement body, FieldErrors errors) => new(ReadCustomer(body, errors));

    /// <summary>The request as the idempotency fingerprint sees it: field values, not their formatting.</summary>
    public static string Canonical(OrderBody order) =>
        order.CustomerId + "\n" + string.Join(";", order.Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.ProductId}x{l.Quantity}")));

    private static string ReadCustomer(JsonElement body, FieldErrors errors)
    {
        var customer = new JsonFields(body, errors).Text("customer_id").Value;
        if (!errors.Has("customer_id"))
        {
            errors.AddIfAny("customer_id", OrderRules.CheckCustomerId(customer));
        }

        return customer ?? "";
    }

    private static RequestedLine? ReadLine(JsonElement item, string name, FieldErrors errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(name, "must be an object {product_id, quantity}.");
            return null;
        }

        var fields = new JsonFields(item, new FieldErrors());
        var product = fields.Id("product_id").Value;
        var quantity = fields.WholeNumber("quantity").Value;
        var productError = product is null ? "is required and must be an integer id." : product <= 0 ? "must be a positive id." : null;
        var quantityError = fields.Errors.Has("quantity") ? "must be a whole number from 1 to 1000." : CartRules.CheckQuantity(quantity);
        errors.AddIfAny(name + ".product_id", productError);
        errors.AddIfAny(name + ".quantity", quantityError);
        return productError is null && quantityError is null ? new RequestedLine(product!.Value, quantity!.Value) : null;
    }
}

public sealed record OrderBody(string CustomerId, IReadOnlyList<RequestedLine> Lines);

public sealed record CheckoutBody(string CustomerId);
