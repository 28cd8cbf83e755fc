using Commerce.Grains.Interfaces.Validation;
using Microsoft.OpenApi;

namespace Commerce.WebApi.OpenApi;

/// <summary>How prices are written: a number or a digit string on the way in, always a two-decimal string on the way out.</summary>
public static class PriceSchemas
{
    /// <summary>What the string form of a price (and a price bound in a search) may look like.</summary>
    public const string InputPattern = @"^[0-9]+(\.[0-9]+)?$";

    public const string Rule = "0 to 9999999999.99 with at most 2 decimal places, compared by value (`\"1.500\"` is 1.50; `1.505` is 422, never rounded).";

    public static IOpenApiSchema Input() => new OpenApiSchema
    {
        Description = "A JSON number, or a string of digits with an optional fraction (`\"1299.99\"`: no sign, exponent, separators, " +
            "currency or spaces). " + Rule,
        // The string form first: generators that must pick one type take the first, and a string keeps the price exact.
        OneOf =
        [
            new OpenApiSchema { Type = JsonSchemaType.String, Pattern = InputPattern },
            new OpenApiSchema { Type = JsonSchemaType.Number, Minimum = "0", Maximum = Max },
        ],
    };

    private static readonly string Max = PriceRules.Max.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
