namespace Commerce.Grains.Interfaces.Categories;

/// <summary>A category as stored, with the version that backs its ETag.</summary>
[GenerateSerializer, Immutable, Alias("Commerce.CategorySnapshot")]
public sealed record CategorySnapshot(
    [property: Id(0)] long Id,
    [property: Id(1)] string Name,
    [property: Id(2)] long? ParentId,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset UpdatedAt,
    [property: Id(5)] long Version);
