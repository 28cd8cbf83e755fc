using Commerce.Grains.Interfaces.Validation;

namespace Commerce.ReadModel;

/// <summary>Turns search text into a LIKE pattern in which %, _ and \ match only themselves.</summary>
public static class LikePattern
{
    public static string Contains(string text) =>
        "%" + CaseFold.Fold(text).Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
