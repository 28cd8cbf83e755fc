using System.Text.Json.Nodes;
using Commerce.WebApi.Paging;
using Commerce.WebApi.Products;
using Microsoft.OpenApi;

namespace Commerce.WebApi.OpenApi;

/// <summary>
/// What each parameter accepts. The handlers read them as strings (so that <c>limit=abc</c> is a 422 naming
/// the parameter, not a bare 400), so the document would otherwise call every one of them a string array.
/// </summary>
public static class ParameterSchemas
{
    public sealed record Parameter(OpenApiSchema Schema, string Description, JsonNode? Example = null);

    public static IReadOnlyDictionary<string, Parameter> ByName { get; } = new Dictionary<string, Parameter>
    {
        ["id"] = new(Id(), "The id. Anything that is not a positive 64-bit integer names nothing (404).", 42),
        ["limit"] = new(
            new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = $"{PageParameters.MaxLimit}", Default = PageParameters.DefaultLimit },
            $"Items per page, 1 to {PageParameters.MaxLimit}; anything else is 422.", 20),
        ["offset"] = new(
            new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Default = 0 },
            "Items to skip. Past the last match the page is empty and `total` is still exact.", 0),
        ["q"] = new(
            new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ProductSearchParameters.MaxQueryLength },
            "Text the title or the SKU must contain, in any script, ignoring case; `%`, `_` and `\\` are plain characters. " +
            "Trimmed and NFC-normalised; empty means no text filter.", "phone"),
        ["min_price"] = new(Price(), "Lowest price, inclusive. " + PriceSchemas.Rule + " Greater than `max_price` is 422.", "100"),
        ["max_price"] = new(Price(), "Highest price, inclusive. " + PriceSchemas.Rule, "2000.50"),
        ["category_id"] = new(Id(), "Only products in this category or any category below it; an id that names no category matches nothing.", 7),
        ["cart_id"] = new(
            new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            "The cart's uuid, as its create answered. Anything else names no cart (404).", "3f2c1a9e-8d4b-4c7e-9a61-2b5d7e0f4c13"),
        ["product_id"] = new(Id(), "The product's id. Anything that is not a positive 64-bit integer names no product (404).", 42),
        ["customer_id"] = new(
            new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 100, Pattern = "^[A-Za-z0-9_.@-]+$" },
            "Whose orders: required; 1–100 of A–Z, a–z, 0–9, `_`, `.`, `@` and `-`.", "c-123"),
        ["in_stock"] = new(
            new OpenApiSchema { Type = JsonSchemaType.Boolean },
            "`true` keeps products with units available (`available` > 0), `false` those with none; absent keeps both; anything else is 422.", true),
        ["parent_id"] = new(
            new OpenApiSchema { OneOf = [Id(), new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("null")] }] },
            "Only the direct children of this category, or the roots with `null`; absent lists every category. " +
            "An id that names no category gives an empty page.", 7),
    };

    private static OpenApiSchema Id() => new() { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" };

    private static OpenApiSchema Price() => new() { Type = JsonSchemaType.String, Pattern = PriceSchemas.InputPattern };
}
