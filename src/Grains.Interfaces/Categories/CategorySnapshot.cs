namespace Commerce.Grains.Interfaces.Categories;

/// <summary>A category as stored, with the version that backs its ETag.</summary>
public sealed record CategorySnapshot(
    long Id,
    string Name,
    long? ParentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);
