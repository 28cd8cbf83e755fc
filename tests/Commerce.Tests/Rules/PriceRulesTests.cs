using System.Globalization;
using Commerce.Grains.Interfaces.Validation;

namespace Commerce.Tests.Rules;

/// <summary>The price parser round-trips every two-decimal value, whatever its shape, and never rounds.</summary>
public sealed class PriceRulesTests
{
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
        Assert.Equal("must have at most 2 decimal places.", PriceRules.TryParsePlain(text, out _));
    }
}
