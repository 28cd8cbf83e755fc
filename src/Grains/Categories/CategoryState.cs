namespace Commerce.Grains.Categories;

/// <summary>What a category grain persists. Its level and ancestors live in the tree table, not here.</summary>
public sealed record CategoryState(string Name, long? ParentId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
