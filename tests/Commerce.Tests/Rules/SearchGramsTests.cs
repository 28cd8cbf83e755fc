using Commerce.ReadModel;

namespace Commerce.Tests.Rules;

/// <summary>The grams a product row carries for short search terms (sql/009).</summary>
public sealed class SearchGramsTests
{
    [Fact]
    public void Grams_are_the_case_folded_one_and_two_character_substrings_of_title_and_sku_apart() =>
        Assert.Equal(["-", "-1", "1", "a", "ab", "b", "k", "k-"], SearchGrams.For("AB", "K-1"));

    [Fact]
    public void A_character_outside_the_basic_plane_is_one_character() =>
        Assert.Equal(["x", "𠀀", "𠀀𠀁", "𠀁"], SearchGrams.For("𠀀𠀁", "X").Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("냉장", true)]
    [InlineData("𠀀𠀁", true)]
    [InlineData("냉장고", false)]
    public void Terms_of_up_to_two_characters_are_answered_from_the_grams(string term, bool covered) =>
        Assert.Equal(covered, SearchGrams.Covers(term));
}
