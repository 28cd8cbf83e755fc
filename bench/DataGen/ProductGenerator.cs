using System.Globalization;
using Commerce.Grains.Interfaces.Products;

namespace Commerce.Bench.DataGen;

/// <summary>
/// Makes products in several scripts (Latin with diacritics, Cyrillic, CJK, Korean), as the body of a create request; the
/// service applies its own rules to each. <see cref="ProductDraft.CategoryId"/> is a generated category's number,
/// which the loader turns into the id the service gave it.
/// </summary>
internal sealed class ProductGenerator(Random random, int categoryCount)
{
    /// <summary>Share of products that belong to a category; the rest have none.</summary>
    public const double LinkedShare = 0.8;

    /// <summary>Digits of the id inside the SKU (zero-padded), so partial-SKU searches can be built from an id.</summary>
    public const int SkuDigits = 7;

    public const decimal MinPrice = 0.99m;
    public const decimal MaxPrice = 9999.99m;

    private static readonly double LogMin = Math.Log((double)MinPrice);
    private static readonly double LogMax = Math.Log((double)MaxPrice);

    /// <summary>Product number <paramref name="id"/> (1, 2, …): its SKU carries the number, so SKUs are unique.</summary>
    public ProductDraft Next(long id)
    {
        var script = PickScript();
        var brandIndex = random.Next(Vocabulary.Brands(script).Length);
        var brand = Vocabulary.Brands(script)[brandIndex];
        var adjective = Pick(Vocabulary.Adjectives(script));
        var noun = Pick(Vocabulary.Nouns(script));
        var model = $"{(char)('A' + random.Next(26))}-{random.Next(100, 10_000).ToString(CultureInfo.InvariantCulture)}";
        var title = script == Script.Cjk
            ? $"{brand}{adjective}{noun} {model}"
            : $"{adjective} {noun} {brand} {model}";
        var sentences = Vocabulary.Sentences(script);
        var first = random.Next(sentences.Length);
        var second = (first + 1 + random.Next(sentences.Length - 1)) % sentences.Length;
        var description = random.Next(4) == 0
            ? $"{title}.\n{sentences[first]}\t{sentences[second]}"
            : $"{sentences[first]} {sentences[second]}";
        var imageUrl = random.Next(10) < 7 ? $"https://img.example.com/products/{id.ToString(CultureInfo.InvariantCulture)}.jpg" : null;
        // The id makes the SKU unique; the prefix and the check letters make partial-SKU searches interesting.
        var sku = string.Create(CultureInfo.InvariantCulture,
            $"{Vocabulary.SkuPrefix(script, brandIndex)}-{id.ToString("D" + SkuDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}-{CheckLetters(id)}");
        long? categoryId = random.NextDouble() < LinkedShare ? random.Next(1, categoryCount + 1) : null;
        // Once a creation time (the service now sets its own); still drawn so that a seed gives the same products as before.
        _ = random.NextInt64(60_000_000, 365L * 24 * 3600 * 1_000_000);
        return new ProductDraft(title, description, imageUrl, sku, Price(), categoryId);
    }

    private Script PickScript() => random.Next(100) switch
    {
        < 40 => Script.Latin,
        < 65 => Script.Cyrillic,
        < 85 => Script.Cjk,
        _ => Script.Korean,
    };

    /// <summary>Log-uniform between 0.99 and 9999.99 with two decimals: many cheap products, a long tail of dear ones.</summary>
    private decimal Price()
    {
        var value = Math.Exp(LogMin + (random.NextDouble() * (LogMax - LogMin)));
        return Math.Clamp(decimal.Round((decimal)value, 2, MidpointRounding.AwayFromZero), MinPrice, MaxPrice);
    }

    private string Pick(string[] words) => words[random.Next(words.Length)];

    private static string CheckLetters(long id)
    {
        const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var hash = (ulong)id * 0x9E3779B97F4A7C15UL;
        return new string([Alphabet[(int)(hash >> 59)], Alphabet[(int)((hash >> 54) & 31)]]);
    }
}
