using Commerce.Grains.Categories;
using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Interfaces.Validation;

namespace Commerce.Tools.CatalogAudit;

/// <summary>A row of the <c>categories</c> read table: as stored, or as a category state projects to it.</summary>
public sealed record CategoryRow(
    long Id, long? ParentId, string Name, string NameKey, IReadOnlyList<long> Path,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    /// <summary>The row the grain writes for <paramref name="state"/> at <paramref name="path"/> (src/Grains/Categories/CategoryReadRow.cs).</summary>
    public static CategoryRow Of(long id, CategoryState state, IReadOnlyList<long> path) => new(
        id, state.ParentId, state.Name, CaseFold.Fold(state.Name), path, state.CreatedAt, state.UpdatedAt, state.Version);

    /// <summary>What the grains' row writer takes.</summary>
    public CategorySnapshot Snapshot() => new(Id, Name, ParentId, CreatedAt, UpdatedAt, Version);

    /// <summary>Each field where <paramref name="stored"/> differs from this expected row, as "field row=… state=…".</summary>
    public IReadOnlyList<string> DifferencesFrom(CategoryRow stored) => new FieldDifferences()
        .Add("parent_id", stored.ParentId, ParentId)
        .Add("name", stored.Name, Name)
        .Add("name_key", stored.NameKey, NameKey)
        .Add("path", stored.Path, Path)
        .Add("created_at", stored.CreatedAt, CreatedAt)
        .Add("updated_at", stored.UpdatedAt, UpdatedAt)
        .Add("version", stored.Version, Version)
        .ToList();
}
