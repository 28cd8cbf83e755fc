namespace Commerce.Grains.Interfaces.Validation;

/// <summary>
/// The key under which text is compared case-insensitively (sibling names, search). Upper- then
/// lower-casing with invariant rules folds pairs that lower-casing alone keeps apart (Greek final
/// sigma, the long s) and keeps the UTF-16 length, in every script.
/// </summary>
public static class CaseFold
{
    public static string Fold(string text) => text.ToUpperInvariant().ToLowerInvariant();
}
