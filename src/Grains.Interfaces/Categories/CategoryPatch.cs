using Commerce.Grains.Interfaces.Common;

namespace Commerce.Grains.Interfaces.Categories;

/// <summary>Changes to a category: a rename, a move (a null parent moves it to the roots), or both.</summary>
[GenerateSerializer, Immutable, Alias("Commerce.CategoryPatch")]
public sealed record CategoryPatch(
    [property: Id(0)] Optional<string?> Name = default,
    [property: Id(1)] Optional<long?> ParentId = default);
