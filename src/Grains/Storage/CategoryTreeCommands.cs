using Commerce.Grains.Categories;
using Commerce.Grains.Hosting;
using Commerce.Runtime.Identity;
using Npgsql;

namespace Commerce.Grains.Storage;

/// <summary>The SQL of the category tree, run on one connection inside the caller's transaction.</summary>
internal sealed class CategoryTreeCommands(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    public async Task LockAsync(bool exclusive, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { exclusive ? CategoryTreeLock.Exclusive() : CategoryTreeLock.Shared() },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<(long[] Path, long Version)?> ReadPathAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT path, version FROM categories WHERE id = $1", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetFieldValue<long[]>(0), reader.GetInt64(1))
            : null;
    }

    /// <returns>False when a category with this id already exists.</returns>
    public async Task<bool> InsertAsync(long id, CategoryState state, string nameKey, long[] path, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "INSERT INTO categories (id, parent_id, name, name_key, path, created_at, updated_at, version) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, 1) ON CONFLICT (id) DO NOTHING",
            id, state.ParentId, state.Name, nameKey, path, state.CreatedAt, state.UpdatedAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task UpdateAsync(long id, CategoryState state, string nameKey, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "UPDATE categories SET parent_id = $2, name = $3, name_key = $4, updated_at = $5, version = version + 1 " +
            "WHERE id = $1 AND version = $6",
            id, state.ParentId, state.Name, nameKey, state.UpdatedAt, expectedVersion);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Levels from the category down to its deepest descendant, itself included (a leaf is 1).</summary>
    public async Task<int> SubtreeDepthAsync(long id, int ownLevel, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT max(cardinality(path)) FROM categories WHERE path @> ARRAY[$1::bigint]", id);
        var deepest = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return deepest - ownLevel + 1;
    }

    /// <summary>Re-roots the paths of a category and all its descendants at <paramref name="newPath"/>.</summary>
    public async Task RebaseSubtreeAsync(long id, int oldLevel, long[] newPath, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "UPDATE categories SET path = $2 || path[$3 + 1:] WHERE path @> ARRAY[$1::bigint]", id, newPath, oldLevel);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Unlinks the products of the subtree, deletes the subtree, and names every grain that changed.</summary>
    public async Task<IReadOnlyCollection<GrainId>> DeleteSubtreeAsync(long id, CancellationToken cancellationToken)
    {
        var affected = new List<GrainId>();
        await using (var command = Command(
            """
            WITH subtree AS (SELECT id FROM categories WHERE path @> ARRAY[$1::bigint]),
            unlinked AS (
                UPDATE products
                SET category_id = NULL,
                    version = version + 1,
                    updated_at = greatest(date_trunc('microseconds', clock_timestamp()), updated_at + interval '1 microsecond')
                WHERE category_id IN (SELECT id FROM subtree)
                RETURNING id)
            SELECT false, id FROM subtree UNION ALL SELECT true, id FROM unlinked
            """, id))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                affected.Add(new GrainId(reader.GetBoolean(0) ? CatalogGrainTypes.Product : CatalogGrainTypes.Category, reader.GetInt64(1)));
            }
        }

        await using var delete = Command("DELETE FROM categories WHERE path @> ARRAY[$1::bigint]", id);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        return affected;
    }

    private NpgsqlCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
