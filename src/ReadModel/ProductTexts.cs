namespace Commerce.ReadModel;

/// <summary>
/// The narrow copy of what a word search filters on, kept by the products rows' triggers (<c>product_texts</c>,
/// sql/024): id, root category, price and search text, with the trigram index. A word's matches are visited there,
/// ~90 bytes a row, rather than in the ~1 kB products rows: the word one pass runs ~1.4 times as often a second
/// (docs/PERFORMANCE.md). A search with a
/// word and no category, or within a root's tree, finds its matches there, a stock filter asking each match's products
/// row; within any other category, the word is tested on the category's products rows, which its path's index finds.
/// </summary>
internal static class ProductTexts
{
    /// <summary>The word's condition on the copy.</summary>
    public static string Condition(string patternPlaceholder) => $"search_text LIKE {patternPlaceholder}";

    /// <summary>A condition on the products row's stock (<c>available ...</c>), asked of each of the copy's matches.</summary>
    public static string Stock(string stockCondition) =>
        $"EXISTS (SELECT 1 FROM products s WHERE s.id = product_texts.id AND s.{stockCondition})";

    /// <summary>The statement that selects the ids of the copy's rows a where clause matches.</summary>
    public static string Matches(string where) => "SELECT id FROM product_texts" + where;
}
