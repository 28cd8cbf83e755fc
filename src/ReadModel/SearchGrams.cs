using Commerce.Grains.Interfaces.Validation;

namespace Commerce.ReadModel;

/// <summary>
/// The 1- and 2-character substrings of the case-folded title and SKU (sql/009): a search term of one or two
/// characters is a substring of <see cref="SearchText"/> exactly when it is one of them. Characters are code points,
/// as PostgreSQL counts them, so a surrogate pair is one character.
/// </summary>
public static class SearchGrams
{
    /// <summary>Terms of at most this many characters are looked up among the grams; longer ones by trigrams.</summary>
    public const int MaxLength = 2;

    public static string[] For(string title, string sku)
    {
        var grams = new SortedSet<string>(StringComparer.Ordinal);
        Add(grams, CaseFold.Fold(title));
        Add(grams, CaseFold.Fold(sku));
        return [.. grams];
    }

    /// <summary>Whether a folded term is short enough to be answered from the grams alone.</summary>
    public static bool Covers(string foldedTerm) => CatalogText.Length(foldedTerm) <= MaxLength;

    private static void Add(SortedSet<string> grams, string text)
    {
        var characters = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        for (var i = 0; i < characters.Length; i++)
        {
            grams.Add(characters[i]);
            if (i + 1 < characters.Length)
            {
                grams.Add(characters[i] + characters[i + 1]);
            }
        }
    }
}
