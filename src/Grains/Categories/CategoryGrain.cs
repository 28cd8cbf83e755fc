using Commerce.Grains.Activations;
using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Storage;

namespace Commerce.Grains.Categories;

/// <summary>
/// A category: its stored state and its read row. The rules that span the tree are the tree grain's, which is the
/// only caller of <see cref="ApplyAsync"/> and <see cref="RemoveAsync"/> (docs/adr/004).
/// </summary>
public sealed class CategoryGrain(
    [PersistentState(GrainStorageNames.Category, GrainStorageNames.Provider)] IPersistentState<CategoryState> category,
    CategoryReadRow readRow) : Grain, ICategoryGrain
{
    private long Id => this.GetPrimaryKeyLong();

    private bool Exists => category.State.Version > 0;

    private EmptyActivation Empty => field ??= new(this, () => !Exists);

    public Task<CategorySnapshot?> GetAsync()
    {
        if (!Exists)
        {
            Empty.ForgetSoon();
        }

        return Task.FromResult(Snapshot());
    }

    public async Task ApplyAsync(CategorySnapshot next, IReadOnlyList<long> path)
    {
        if (category.State.Version != next.Version - 1)
        {
            // The tree's view is behind the stored state (another tree activation wrote in between); it reloads.
            throw new InvalidOperationException($"Category {Id} is at version {category.State.Version}, not {next.Version - 1}.");
        }

        await StateConflicts.WriteAsync(category, new CategoryState
        {
            Name = next.Name,
            ParentId = next.ParentId,
            CreatedAt = next.CreatedAt,
            UpdatedAt = next.UpdatedAt,
            Version = next.Version,
        });
        await readRow.WriteAsync(next, path);
    }

    public async Task RemoveAsync()
    {
        if (Exists)
        {
            await category.ClearStateAsync();
        }

        await readRow.DeleteAsync(Id);
        Empty.ForgetSoon();
    }

    public async Task RepairReadRowAsync(IReadOnlyList<long> path)
    {
        if (Snapshot() is { } snapshot)
        {
            await readRow.WriteAsync(snapshot, path);
        }
        else
        {
            await readRow.DeleteAsync(Id);
        }
    }

    private CategorySnapshot? Snapshot() => Exists && category.State is var s
        ? new CategorySnapshot(Id, s.Name, s.ParentId, s.CreatedAt, s.UpdatedAt, s.Version)
        : null;
}
