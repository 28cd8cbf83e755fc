using Commerce.Grains.Interfaces.Validation;

namespace Commerce.Tests.Rules;

/// <summary>SKUs are trimmed and upper-cased, then must match ^[A-Z0-9_-]{1,100}$.</summary>
public sealed class SkuRulesTests
{
    private const string OutsideThePattern = "must be 1 to 100 characters of A-Z, 0-9, '_' or '-'.";

    [Theory]
    [InlineData("  k3y9-abc_9  ", "K3Y9-ABC_9")]
    [InlineData("k3y9", "K3Y9")]
    [InlineData("\tk3y9-x\n", "K3Y9-X")]
    public void A_sku_is_trimmed_and_upper_cased(string sent, string stored)
    {
        Assert.Null(SkuRules.TryNormalize(sent, out var sku));
        Assert.Equal(stored, sku);
    }

    [Fact]
    public void A_sku_may_have_100_characters_but_not_101()
    {
        Assert.Null(SkuRules.TryNormalize(new string('x', 100), out var sku));
        Assert.Equal(new string('X', 100), sku);
        Assert.Equal(OutsideThePattern, SkuRules.TryNormalize(new string('x', 101), out _));
    }

    [Theory]
    [InlineData("AB C")]
    [InlineData("ABC.1")]
    [InlineData("ABC/1")]
    [InlineData("ABC+1")]
    [InlineData("ÄBC")]
    [InlineData("СКУ")]
    [InlineData("ABC\u00a0DEF")]
    public void A_sku_outside_the_pattern_is_refused(string sent)
    {
        Assert.Equal(OutsideThePattern, SkuRules.TryNormalize(sent, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_sku_is_refused(string sent)
    {
        Assert.Equal("must not be blank.", SkuRules.TryNormalize(sent, out _));
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    [InlineData("\u001b")]
    [InlineData("\u007f")]
    [InlineData("\u0085")]
    [InlineData("\u009b")]
    public void A_sku_refuses_control_characters_inside_like_any_text(string control)
    {
        Assert.Equal("must not contain control characters (tabs and line breaks included).", SkuRules.TryNormalize("AB" + control + "K3Y9", out _));
    }

    [Fact]
    public void A_missing_sku_is_required()
    {
        Assert.Equal("is required.", SkuRules.TryNormalize(null, out _));
    }
}
