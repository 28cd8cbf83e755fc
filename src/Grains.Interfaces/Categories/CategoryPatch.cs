using Commerce.Grains.Interfaces.Common;

namespace Commerce.Grains.Interfaces.Categories;

/// <summary>Changes to a category: a rename, a move (a null parent moves it to the roots), or both.</summary>
public sealed record CategoryPatch(Optional<string?> Name = default, Optional<long?> ParentId = default);
