using Commerce.Grains.Interfaces.Validation;

namespace Commerce.Tests.Rules;

/// <summary>
/// The text rules: trimmed and NFC-normalised before they are checked, any script, no control characters (a
/// description may keep line breaks and tabs), lengths in code points after normalisation.
/// </summary>
public sealed class CatalogTextTests
{
    private const string Emoji = "\U0001F600";
    private const string NoControls = "must not contain control characters (tabs and line breaks included).";
    private const string NoControlsButBreaks = "must not contain control characters other than line breaks and tabs.";

    [Theory]
    [InlineData("  Смартфон Galaxy  ", "Смартфон Galaxy")]
    [InlineData("智能手机 Pro", "智能手机 Pro")]
    [InlineData("هاتف ذكي", "هاتف ذكي")]
    [InlineData("Party \U0001F389\U0001F388 \U0001F468\u200D\U0001F469\u200D\U0001F467", "Party \U0001F389\U0001F388 \U0001F468\u200D\U0001F469\u200D\U0001F467")]
    [InlineData("Cafe\u0301", "Caf\u00e9")]
    [InlineData("\u00a0\u3000Cafe\u0301 \u6771\u4eac\u3000", "Caf\u00e9 \u6771\u4eac")]
    [InlineData("\u1100\u1161\u11a8", "\uac01")]
    public void Text_in_any_script_is_trimmed_and_nfc_normalised(string sent, string stored)
    {
        Assert.Null(CatalogText.TryNormalize(sent, 255, out var text));
        Assert.Equal(stored, text);
        Assert.Null(CatalogText.TryNormalize(sent, 255, out var description, allowLineBreaks: true));
        Assert.Equal(stored, description);
    }

    [Theory]
    [InlineData("x")]
    [InlineData(Emoji)]
    public void A_length_counts_code_points_so_255_fit_and_256_do_not(string unit)
    {
        var longest = string.Concat(Enumerable.Repeat(unit, 255));

        Assert.Null(CatalogText.TryNormalize(longest, 255, out var text));
        Assert.Equal(longest, text);
        Assert.Equal("must be at most 255 characters long.", CatalogText.TryNormalize(longest + unit, 255, out _));
    }

    [Fact]
    public void Lengths_are_counted_after_normalisation()
    {
        // 510 code points as sent, 255 after NFC composes each "e" and its accent into one "é".
        Assert.Null(CatalogText.TryNormalize(string.Concat(Enumerable.Repeat("e\u0301", 255)), 255, out var text));
        Assert.Equal(new string('\u00e9', 255), text);
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
    public void Text_refuses_control_characters_inside_tabs_and_line_breaks_included(string control)
    {
        Assert.Equal(NoControls, CatalogText.TryNormalize("Before" + control + "after", 255, out _));
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    [InlineData("\u0008")]
    [InlineData("\u001b")]
    [InlineData("\u007f")]
    public void Text_that_may_break_lines_still_refuses_other_control_characters(string control)
    {
        Assert.Equal(NoControlsButBreaks, CatalogText.TryNormalize("Before" + control + "after", 10_000, out _, allowLineBreaks: true));
    }

    [Fact]
    public void Text_that_may_break_lines_keeps_its_inner_line_breaks_and_tabs()
    {
        const string Text = "Line one\nLine two\r\n\tIndented\t\tcolumns";

        Assert.Null(CatalogText.TryNormalize("\n " + Text + "\t\n", 10_000, out var text, allowLineBreaks: true));
        Assert.Equal(Text, text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \u3000 ")]
    [InlineData("\u3000\u00a0")]
    [InlineData(" \n\t\r\n ")]
    public void Blank_text_is_refused(string blank)
    {
        Assert.Equal("must not be blank.", CatalogText.TryNormalize(blank, 255, out _, allowLineBreaks: true));
    }

    [Fact]
    public void Missing_text_is_required()
    {
        Assert.Equal("is required.", CatalogText.TryNormalize(null, 255, out _));
    }

    [Fact]
    public void Text_with_an_unpaired_surrogate_is_refused()
    {
        // Built here rather than given as InlineData, which would replace a lone surrogate on its way to the test.
        const string Message = "must be valid Unicode text (it contains an unpaired surrogate).";
        Assert.Equal(Message, CatalogText.TryNormalize("\ud800Product", 255, out _));
        Assert.Equal(Message, CatalogText.TryNormalize("Lone \udc00 surrogate", 255, out _));
        Assert.Null(CatalogText.TryNormalize("Paired \ud83d\ude00 surrogates", 255, out _));
    }
}
