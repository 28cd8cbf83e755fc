namespace Commerce.Grains.Categories;

/// <summary>
/// What a category grain persists (as JSON in <c>OrleansStorage</c>, where the category tree grain loads the tree's
/// shape from). <see cref="Version"/> backs the ETag; 0 means the category does not exist.
/// </summary>
public sealed record CategoryState
{
    public string Name { get; init; } = "";
    public long? ParentId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}
