namespace Commerce.Grains.Errors;

/// <summary>A sibling already has this name (compared case-insensitively after trim and NFC).</summary>
public sealed class DuplicateCategoryNameException(string name)
    : Exception($"A category named '{name}' already exists under the same parent.");
