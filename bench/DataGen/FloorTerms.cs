using System.Text;
using Commerce.Grains.Interfaces.Validation;
using Commerce.ReadModel;

namespace Commerce.Bench.DataGen;

/// <summary>
/// Writes the manifest's search terms as the service's search sends them to PostgreSQL, for the pgbench floor
/// (bench/floor.sh): group, whether the term is answered from the grams, the folded term, the LIKE pattern, and
/// whether it is one character (which decides the service's plan, see <c>OnePassPage.Wins</c>).
/// Tab-separated; no term holds a tab or a line break (the service refuses control characters).
/// </summary>
internal static class FloorTerms
{
    public static void Write(string manifestPath)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath)) ?? ".", "floor-terms.tsv");
        var text = new StringBuilder();
        foreach (var (group, terms) in DatasetManifest.SearchTerms())
        {
            foreach (var term in terms)
            {
                var folded = CaseFold.Fold(term);
                text.Append(group).Append('\t').Append(SearchGrams.Covers(folded) ? "1" : "0").Append('\t')
                    .Append(folded).Append('\t').Append(LikePattern.Contains(term)).Append('\t')
                    .Append(CatalogText.Length(folded) == 1 ? "1" : "0").Append('\n');
            }
        }

        File.WriteAllText(path, text.ToString());
    }
}
