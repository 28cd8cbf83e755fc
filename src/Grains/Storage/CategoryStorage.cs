using Commerce.Grains.Categories;
using Commerce.Grains.Errors;
using Commerce.Grains.Interfaces.Validation;
using Commerce.Runtime.Activation;
using Commerce.Runtime.Identity;
using Commerce.Runtime.Storage;
using Npgsql;

namespace Commerce.Grains.Storage;

/// <summary>
/// Category state in the <c>categories</c> table, which also holds each category's path from the root.
/// Every write runs in one transaction under <see cref="CategoryTreeLock"/> and checks the tree rules
/// against committed data there, so concurrent creates, moves and deletes on any silo cannot break them.
/// </summary>
internal sealed class CategoryStorage(NpgsqlDataSource database, IGrainStateRefresher refresher) : IGrainStorage<CategoryState>
{
    public async Task<StoredState<CategoryState>?> ReadAsync(GrainId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT name, parent_id, created_at, updated_at, version FROM categories WHERE id = $1", connection);
        command.Parameters.Add(new() { Value = id.Key });
        await command.PrepareAsync(cancellationToken); // see ProductStorage.ReadAsync
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var state = new CategoryState(
            reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1),
            reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3));
        return new StoredState<CategoryState>(state, reader.GetInt64(4));
    }

    public async Task<long> WriteAsync(GrainId id, CategoryState state, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var tree = new CategoryTreeCommands(connection, transaction);
        try
        {
            if (expectedVersion == 0)
            {
                await tree.LockAsync(exclusive: false, cancellationToken);
                var parentPath = await ParentPathAsync(tree, state.ParentId, cancellationToken);
                if (parentPath.Length >= CategoryTreeRules.MaxLevel)
                {
                    throw CategoryTreeException.TooDeep(parentPath.Length + 1);
                }

                if (!await tree.InsertAsync(id.Key, state, CaseFold.Fold(state.Name), [.. parentPath, id.Key], cancellationToken))
                {
                    throw new InconsistentStateException(id, expectedVersion);
                }
            }
            else
            {
                await tree.LockAsync(exclusive: true, cancellationToken);
                var stored = await tree.ReadPathAsync(id.Key, cancellationToken);
                if (stored is null || stored.Value.Version != expectedVersion)
                {
                    throw new InconsistentStateException(id, expectedVersion);
                }

                var oldPath = stored.Value.Path;
                var oldParent = oldPath.Length > 1 ? oldPath[^2] : (long?)null;
                if (oldParent != state.ParentId)
                {
                    await MoveSubtreeAsync(tree, id.Key, oldPath, state.ParentId, cancellationToken);
                }

                await tree.UpdateAsync(id.Key, state, CaseFold.Fold(state.Name), expectedVersion, cancellationToken);
            }
        }
        catch (PostgresException ex) when (ex.IsUniqueViolation("categories_sibling_name"))
        {
            throw new DuplicateCategoryNameException(state.Name);
        }

        await transaction.CommitAsync(cancellationToken);
        return expectedVersion + 1;
    }

    public async Task ClearAsync(GrainId id, long expectedVersion, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<GrainId> affected;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var tree = new CategoryTreeCommands(connection, transaction);
            await tree.LockAsync(exclusive: true, cancellationToken);
            var stored = await tree.ReadPathAsync(id.Key, cancellationToken);
            if (stored is null || stored.Value.Version != expectedVersion)
            {
                throw new InconsistentStateException(id, expectedVersion);
            }

            affected = await tree.DeleteSubtreeAsync(id.Key, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Live activations of the removed categories and unlinked products must not serve what they had.
        await refresher.RefreshAsync(affected, cancellationToken);
    }

    private static async Task<long[]> ParentPathAsync(CategoryTreeCommands tree, long? parentId, CancellationToken cancellationToken)
    {
        if (parentId is not { } parent)
        {
            return [];
        }

        var stored = await tree.ReadPathAsync(parent, cancellationToken);
        return stored?.Path ?? throw new CategoryNotFoundException(parent, "parent_id");
    }

    private static async Task MoveSubtreeAsync(
        CategoryTreeCommands tree, long id, long[] oldPath, long? newParentId, CancellationToken cancellationToken)
    {
        var parentPath = await ParentPathAsync(tree, newParentId, cancellationToken);
        if (parentPath.Contains(id))
        {
            throw CategoryTreeException.Cycle();
        }

        var subtreeDepth = await tree.SubtreeDepthAsync(id, oldPath.Length, cancellationToken);
        var deepest = parentPath.Length + subtreeDepth;
        if (deepest > CategoryTreeRules.MaxLevel)
        {
            throw CategoryTreeException.TooDeep(deepest);
        }

        await tree.RebaseSubtreeAsync(id, oldPath.Length, [.. parentPath, id], cancellationToken);
    }
}
