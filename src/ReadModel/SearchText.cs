using Commerce.Grains.Interfaces.Validation;

namespace Commerce.ReadModel;

/// <summary>What search matches against: case-folded title and SKU, split by a character no query contains.</summary>
public static class SearchText
{
    public static string For(string title, string sku) => CaseFold.Fold(title) + '\u001f' + CaseFold.Fold(sku);
}
