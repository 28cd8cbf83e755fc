using System.Globalization;
using System.Text;
using Commerce.Grains.Interfaces.Validation;

namespace Commerce.Bench.DataGen;

/// <summary>
/// Writes what the wrk scripts need to aim at the generated data: id ranges, the deep chain, the roots of the
/// bushy trees, the categories that have children, SKU shape and search terms (already percent-encoded, so the
/// Lua side only pastes them into URLs).
/// </summary>
internal static class DatasetManifest
{
    /// <summary>Writes the manifest with the ids the service gave the loaded catalog (<paramref name="ids"/>).</summary>
    public static void Write(string path, GeneratorOptions options, CategoryTreeGenerator tree, LoadedIds ids)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        long Id(long number) => ids.Categories[number];
        var parents = tree.Rows.Where(r => r.ParentId is not null).Select(r => Id(r.ParentId!.Value)).Distinct().Order().ToList();
        var text = new StringBuilder();
        text.AppendLine("-- Written by bench/DataGen; describes the dataset it loaded. Read by bench/wrk/common.lua.")
            .AppendLine("return {")
            .AppendLine(Invariant($"  seed = {options.Seed},"))
            .AppendLine(Invariant($"  products = {{ first = {ids.FirstProduct}, last = {ids.LastProduct} }},"))
            .AppendLine(Invariant($"  categories = {{ first = {ids.Categories.Values.Min()}, last = {ids.Categories.Values.Max()} }},"))
            .AppendLine(Invariant($"  deep_chain = {{ first = {Id(tree.DeepChain.First)}, last = {Id(tree.DeepChain.Last)} }},"))
            .AppendLine(CultureInfo.InvariantCulture, $"  bushy_roots = {{ {Numbers(tree.BushyRoots.Select(Id))} }},")
            .AppendLine(CultureInfo.InvariantCulture, $"  parents = {{ {Numbers(parents)} }},")
            .AppendLine(Invariant($"  sku_digits = {ProductGenerator.SkuDigits},"))
            .AppendLine(Invariant($"  price = {{ min = {ProductGenerator.MinPrice}, max = {ProductGenerator.MaxPrice} }},"))
            .AppendLine("  terms = {");
        foreach (var (name, terms) in SearchTerms())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {name} = {{ {string.Join(", ", terms.Select(t => $"\"{Uri.EscapeDataString(t)}\""))} }},");
        }

        text.AppendLine("  },").AppendLine("}");
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>
    /// Whole words, case variants and fragments of the words titles are made of, per script; "short" holds the one-
    /// and two-character terms real shoppers type (a whole word in Chinese, Japanese and Korean, too short for
    /// trigrams), "miss" terms that match nothing.
    /// </summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Terms)> SearchTerms()
    {
        static IEnumerable<string> Alphabetic(IEnumerable<string> words) => words.SelectMany(w =>
        {
            var runes = w.EnumerateRunes().Select(r => r.ToString()).ToArray();
            var variants = new List<string> { w, CaseFold.Fold(w), w.ToUpperInvariant() };
            if (runes.Length >= 6)
            {
                variants.Add(string.Concat(runes[..4]));
                variants.Add(string.Concat(runes[(runes.Length / 2 - 2)..(runes.Length / 2 + 2)]));
            }

            return variants;
        });

        static IEnumerable<string> Cjk(IEnumerable<string> words) => words.SelectMany(w =>
        {
            var runes = w.EnumerateRunes().Select(r => r.ToString()).ToArray();
            return runes.Length > 3 ? new[] { w, string.Concat(runes[..3]), string.Concat(runes[^3..]) } : [w];
        });

        static IEnumerable<string> Leading(IEnumerable<string> words, int length) =>
            words.Select(w => w.EnumerateRunes().Select(r => r.ToString()).ToArray())
                .Where(runes => runes.Length >= length).Select(runes => string.Concat(runes[..length]));

        var latin = Vocabulary.LatinAdjectives.Concat(Vocabulary.LatinNouns).Concat(Vocabulary.LatinBrands);
        var cyrillic = Vocabulary.CyrillicAdjectives.Concat(Vocabulary.CyrillicNouns).Concat(Vocabulary.CyrillicBrands);
        var cjk = Vocabulary.CjkAdjectives.Concat(Vocabulary.CjkNouns).Concat(Vocabulary.CjkBrands).ToList();
        var korean = Vocabulary.KoreanAdjectives.Concat(Vocabulary.KoreanNouns).Concat(Vocabulary.KoreanBrands).ToList();
        string[] shortLatin = ["kü", "ße", "ёл", "ай", "é", "ö", "ż", "я"];
        var shortTerms = Leading(cjk.Concat(korean), 2).Concat(Leading(cjk.Concat(korean), 1)).Concat(shortLatin);
        string[] misses = ["xyzzyq", "несуществующий", "不存在的商品", "Zzzöö", "없는상품", "鬱"];
        return
        [
            ("latin", Distinct(Alphabetic(latin))),
            ("cyrillic", Distinct(Alphabetic(cyrillic))),
            ("cjk", Distinct(Cjk(cjk).Where(t => t.EnumerateRunes().Count() >= 3))),
            ("korean", Distinct(Cjk(korean))),
            ("short", Distinct(shortTerms)),
            ("miss", misses),
        ];
    }

    private static List<string> Distinct(IEnumerable<string> terms) => terms.Distinct(StringComparer.Ordinal).ToList();

    private static string Numbers(IEnumerable<long> values) =>
        string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
