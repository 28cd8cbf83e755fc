using System.Text;

namespace Commerce.Grains.Interfaces.Validation;

/// <summary>
/// The text rules of the API: trim, Unicode NFC, no control characters (descriptions may hold line
/// breaks and tabs), and lengths counted in code points so an emoji or a CJK character counts once.
/// </summary>
public static class CatalogText
{
    /// <returns>An error message, or null when <paramref name="normalized"/> holds the text to store.</returns>
    public static string? TryNormalize(string? raw, int maxLength, out string normalized, bool allowLineBreaks = false)
    {
        normalized = string.Empty;
        if (raw is null)
        {
            return "is required.";
        }

        if (!IsWellFormed(raw))
        {
            return "must be valid Unicode text (it contains an unpaired surrogate).";
        }

        var text = raw.Trim().Normalize(NormalizationForm.FormC).Trim();
        if (text.Length == 0)
        {
            return "must not be blank.";
        }

        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) && !(allowLineBreaks && IsLineBreakOrTab(rune)))
            {
                return allowLineBreaks
                    ? "must not contain control characters other than line breaks and tabs."
                    : "must not contain control characters (tabs and line breaks included).";
            }

            length++;
        }

        if (length > maxLength)
        {
            return $"must be at most {maxLength} characters long.";
        }

        normalized = text;
        return null;
    }

    /// <summary>Code points in <paramref name="text"/>; a surrogate pair counts once.</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    /// <summary>False when the string holds a lone surrogate, which no UTF-8 encoder can represent.</summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLineBreakOrTab(Rune rune) => rune.Value is '\n' or '\r' or '\t';
}
