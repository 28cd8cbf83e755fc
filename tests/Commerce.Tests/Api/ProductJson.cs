using System.Text.Json.Nodes;

namespace Commerce.Tests.Api;

/// <summary>
/// Raw JSON bodies built from a valid product with one field swapped, so a test sends exactly the JSON it
/// is about (a number where a string belongs, a string where a number belongs) and nothing else is wrong.
/// </summary>
public static class ProductJson
{
    public static JsonObject Valid() => new()
    {
        ["title"] = "Product " + Unique.Token(),
        ["description"] = "A product made by a test.",
        ["sku"] = Unique.Sku(),
        ["price"] = "10.00",
    };

    /// <summary>A valid product with <paramref name="field"/> set to the JSON text <paramref name="rawValue"/>.</summary>
    public static string With(string field, string rawValue)
    {
        var body = Valid();
        body[field] = JsonNode.Parse(rawValue);
        return body.ToJsonString();
    }

    public static string Without(string field)
    {
        var body = Valid();
        body.Remove(field);
        return body.ToJsonString();
    }

    /// <summary>A one-field PATCH body holding the JSON text <paramref name="rawValue"/>.</summary>
    public static string Patch(string field, string rawValue) => new JsonObject { [field] = JsonNode.Parse(rawValue) }.ToJsonString();
}
