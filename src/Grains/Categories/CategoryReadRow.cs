using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Interfaces.Validation;
using Npgsql;

namespace Commerce.Grains.Categories;

/// <summary>
/// Keeps the <c>categories</c> read table in step with category state. Rows carry the state's version and never
/// replace a newer one; the path (root … category) is the tree grain's, for subtree searches.
/// </summary>
public sealed class CategoryReadRow(NpgsqlDataSource database)
{
    /// <summary>The row write, also used by the read-table rebuild (tools/CatalogAudit) so both write the same rows.</summary>
    internal const string Upsert =
        """
        INSERT INTO categories (id, parent_id, name, name_key, path, created_at, updated_at, version)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (id) DO UPDATE SET
            parent_id = EXCLUDED.parent_id, name = EXCLUDED.name, name_key = EXCLUDED.name_key, path = EXCLUDED.path,
            created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
        WHERE categories.version < EXCLUDED.version OR categories.path <> EXCLUDED.path
        """;

    public async Task WriteAsync(CategorySnapshot category, IReadOnlyList<long> path, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(Upsert);
        AddRowParameters(command.Parameters, category, path);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The parameters of <see cref="Upsert"/> for a category at <paramref name="path"/>: the row it projects to.</summary>
    internal static void AddRowParameters(NpgsqlParameterCollection parameters, CategorySnapshot category, IReadOnlyList<long> path)
    {
        parameters.Add(new() { Value = category.Id });
        parameters.Add(new() { Value = (object?)category.ParentId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        parameters.Add(new() { Value = category.Name });
        parameters.Add(new() { Value = CaseFold.Fold(category.Name) });
        parameters.Add(new() { Value = path.ToArray() });
        parameters.Add(new() { Value = category.CreatedAt });
        parameters.Add(new() { Value = category.UpdatedAt });
        parameters.Add(new() { Value = category.Version });
    }

    /// <summary>After a move: the descendants of <paramref name="id"/> get paths under its new one.</summary>
    public async Task RebaseDescendantsAsync(long id, IReadOnlyList<long> newPath, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "UPDATE categories SET path = $2 || path[array_position(path, $1) + 1:] WHERE path @> ARRAY[$1] AND id <> $1");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = newPath.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("DELETE FROM categories WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Products whose read rows link to any of the categories (for unlinking them on a delete).</summary>
    public async Task<IReadOnlyList<long>> ProductsInAsync(IReadOnlyList<long> categoryIds, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("SELECT id FROM products WHERE category_id = ANY($1)");
        command.Parameters.Add(new() { Value = categoryIds.ToArray() });
        var products = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            products.Add(reader.GetInt64(0));
        }

        return products;
    }

    /// <summary>Id, version and path of every read row, to compare with the tree.</summary>
    public async Task<Dictionary<long, (long Version, long[] Path)>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("SELECT id, version, path FROM categories");
        var rows = new Dictionary<long, (long, long[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows[reader.GetInt64(0)] = (reader.GetInt64(1), reader.GetFieldValue<long[]>(2));
        }

        return rows;
    }
}
