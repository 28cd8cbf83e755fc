using System.Globalization;
using System.Text.Json;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Validation;
using Commerce.WebApi.Json;
using Commerce.WebApi.Products;

namespace Commerce.Tests.Rules;

/// <summary>
/// Prices as the API reads them from a body (a JSON number, or a string of plain digits with an optional fraction),
/// checks them (exact, 0 to 9999999999.99, at most two decimals, never rounded) and writes them (two decimals).
/// </summary>
public sealed class PriceRulesTests
{
    private const string NotANumber = "must be a decimal number such as 1299.99 (digits, optional fraction).";
    private const string OutOfRange = "must be between 0 and 9999999999.99.";
    private const string TooManyDecimals = "must have at most 2 decimal places.";
    private const string WrongType = "must be a number or a string of digits such as \"1299.99\", not ";

    public static TheoryData<long> Cents()
    {
        var random = new Random(20261122);
        var data = new TheoryData<long>();
        foreach (var cents in new long[] { 0, 1, 5, 9, 10, 11, 99, 100, 101, 999_999_999_999 }
            .Concat(Enumerable.Range(0, 40).Select(_ => random.NextInt64(0, 1_000_000_000_000))))
        {
            data.Add(cents);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cents))]
    public void Every_two_decimal_value_parses_back_to_itself_in_every_written_form(long cents)
    {
        var expected = cents / 100m;
        var forms = new[]
        {
            expected.ToString("0.00", CultureInfo.InvariantCulture),
            expected.ToString("0.##", CultureInfo.InvariantCulture),
            "000" + expected.ToString("0.000", CultureInfo.InvariantCulture),
        };
        foreach (var text in forms)
        {
            Assert.Null(PriceRules.TryParsePlain(text, out var plain));
            Assert.Equal(expected, plain);
            Assert.Null(PriceRules.TryParseJsonNumber(text, out var number));
            Assert.Equal(expected, number);
            Assert.Null(PriceRules.TryParseJsonNumber(cents.ToString(CultureInfo.InvariantCulture) + "e-2", out var scientific));
            Assert.Equal(expected, scientific);
        }
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("0.0000000000000000000000000000001")]
    [InlineData("1.999")]
    public void More_than_two_decimals_is_refused_never_rounded(string text)
    {
        Assert.Equal(TooManyDecimals, PriceRules.TryParsePlain(text, out _));
    }

    [Theory]
    [InlineData("200", "200.00")]
    [InlineData("\"1299.9\"", "1299.90")]
    [InlineData("\"1299.99\"", "1299.99")]
    [InlineData("1299.99", "1299.99")]
    [InlineData("0", "0.00")]
    [InlineData("\"0\"", "0.00")]
    [InlineData("0.5", "0.50")]
    [InlineData("\"007.50\"", "7.50")]
    [InlineData("9999999999.99", "9999999999.99")]
    [InlineData("\"9999999999.99\"", "9999999999.99")]
    [InlineData("0.1", "0.10")]
    [InlineData("0.05", "0.05")]
    [InlineData("\"0.01\"", "0.01")]
    [InlineData("5e-2", "0.05")]
    [InlineData("\"0.00\"", "0.00")]
    [InlineData("1.10", "1.10")]
    [InlineData("1e3", "1000.00")]
    [InlineData("125E-2", "1.25")]
    public void A_valid_price_is_read_exactly_and_written_with_two_decimals(string json, string written)
    {
        var (price, errors) = ReadPrice(json);

        Assert.Empty(errors);
        Assert.Equal(decimal.Parse(written, CultureInfo.InvariantCulture), price);
        Assert.Null(PriceRules.Check(price!.Value));
        Assert.Equal(written, Written(price.Value));
    }

    [Theory]
    [InlineData("\"1e3\"", NotANumber)]
    [InlineData("\"-1\"", NotANumber)]
    [InlineData("\"+1\"", NotANumber)]
    [InlineData("\"1,000\"", NotANumber)]
    [InlineData("\"1 000\"", NotANumber)]
    [InlineData("\" 1\"", NotANumber)]
    [InlineData("\"1 \"", NotANumber)]
    [InlineData("\"$1\"", NotANumber)]
    [InlineData("\"1 EUR\"", NotANumber)]
    [InlineData("\"1.999\"", TooManyDecimals)]
    [InlineData("\"1,50\"", NotANumber)]
    [InlineData("\".5\"", NotANumber)]
    [InlineData("\"1.\"", NotANumber)]
    [InlineData("\"1.2.3\"", NotANumber)]
    [InlineData("\"0x10\"", NotANumber)]
    [InlineData("\"NaN\"", NotANumber)]
    [InlineData("\"Infinity\"", NotANumber)]
    [InlineData("\"\u0661\u0662\"", NotANumber)]
    [InlineData("\"\"", NotANumber)]
    [InlineData("1.999", TooManyDecimals)]
    [InlineData("0.001", TooManyDecimals)]
    [InlineData("1e-3", TooManyDecimals)]
    [InlineData("-0.01", OutOfRange)]
    [InlineData("-1", OutOfRange)]
    [InlineData("10000000000", OutOfRange)]
    [InlineData("\"10000000000\"", OutOfRange)]
    [InlineData("10000000000.00", OutOfRange)]
    [InlineData("9999999999.999", TooManyDecimals)]
    [InlineData("1e11", OutOfRange)]
    [InlineData("1e400", OutOfRange)]
    [InlineData("true", WrongType + "a boolean.")]
    [InlineData("{}", WrongType + "an object.")]
    [InlineData("[1]", WrongType + "an array.")]
    public void An_invalid_price_is_refused_with_the_reason_and_no_value(string json, string message)
    {
        var (price, errors) = ReadPrice(json);

        Assert.Null(price);
        Assert.Equal([message], errors);
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("9999999999.99", null)]
    [InlineData("1.10", null)]
    [InlineData("-0.01", OutOfRange)]
    [InlineData("10000000000", OutOfRange)]
    [InlineData("1.999", TooManyDecimals)]
    public void The_grain_checks_a_parsed_price_again_by_the_same_rules(string value, string? message)
    {
        Assert.Equal(message, PriceRules.Check(decimal.Parse(value, CultureInfo.InvariantCulture)));
    }

    /// <summary>The price field of a body holding <paramref name="json"/>, read as the API reads it.</summary>
    private static (decimal? Price, string[] Errors) ReadPrice(string json)
    {
        var errors = new FieldErrors();
        var body = JsonSerializer.Deserialize<JsonElement>($$"""{"price": {{json}}}""");
        var price = new JsonFields(body, errors).Price("price");
        Assert.True(price.IsSet);
        return (price.Value, errors.ToDictionary().GetValueOrDefault("price") ?? []);
    }

    /// <summary>The price as a product response carries it.</summary>
    private static string Written(decimal price) =>
        ProductResponse.From(new ProductSnapshot(1, "t", "d", null, "SKU", price, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1,
            Commerce.Grains.Interfaces.Stock.ProductStock.None)).Price;
}
