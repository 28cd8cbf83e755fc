namespace Commerce.Grains.Interfaces.Categories;

/// <summary>A new category as the client sent it. A null parent makes it a root.</summary>
public sealed record CategoryDraft(string? Name, long? ParentId);
