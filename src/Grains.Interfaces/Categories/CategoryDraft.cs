namespace Commerce.Grains.Interfaces.Categories;

/// <summary>A new category as the client sent it. A null parent makes it a root.</summary>
[GenerateSerializer, Immutable, Alias("Commerce.CategoryDraft")]
public sealed record CategoryDraft([property: Id(0)] string? Name, [property: Id(1)] long? ParentId);
