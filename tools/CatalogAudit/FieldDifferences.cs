using System.Globalization;

namespace Commerce.Tools.CatalogAudit;

/// <summary>Collects the fields in which a stored read row differs from what it should show (its state's row, a GET).</summary>
internal sealed class FieldDifferences(string storedLabel = "row", string expectedLabel = "state")
{
    private readonly List<string> differences = [];

    public FieldDifferences Add<T>(string field, T stored, T expected)
    {
        if (!EqualityComparer<T>.Default.Equals(stored, expected))
        {
            differences.Add($"{field} {storedLabel}={Show(stored)} {expectedLabel}={Show(expected)}");
        }

        return this;
    }

    /// <summary>A list of ids (a category path), shown as "1,2,3".</summary>
    public FieldDifferences Add(string field, IReadOnlyList<long> stored, IReadOnlyList<long> expected)
    {
        if (!stored.SequenceEqual(expected))
        {
            differences.Add($"{field} {storedLabel}={string.Join(',', stored)} {expectedLabel}={string.Join(',', expected)}");
        }

        return this;
    }

    /// <summary>A set of texts (search grams), whose order carries no meaning; shows only what is extra or missing.</summary>
    public FieldDifferences AddSet(string field, IReadOnlyList<string> stored, IReadOnlyList<string> expected)
    {
        var extra = stored.Except(expected, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var missing = expected.Except(stored, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (extra.Count + missing.Count > 0)
        {
            differences.Add($"{field} {storedLabel} has [{string.Join(' ', extra)}] {expectedLabel} has [{string.Join(' ', missing)}]");
        }

        return this;
    }

    public IReadOnlyList<string> ToList() => differences;

    private static string Show<T>(T value) => value switch
    {
        null => "null",
        DateTimeOffset time => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => $"'{value}'",
    };
}
