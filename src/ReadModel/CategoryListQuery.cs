using Commerce.Grains.Interfaces.Categories;
using Commerce.Grains.Interfaces.Common;
using Npgsql;

namespace Commerce.ReadModel;

/// <summary>Which categories a list shows: all of them, the roots, or the direct children of one parent.</summary>
public enum CategoryScope
{
    All,
    Roots,
    ChildrenOf,
}

/// <summary>Lists categories by id, with the exact total.</summary>
public sealed class CategoryListQuery(NpgsqlDataSource database)
{
    public async Task<Page<CategorySnapshot>> ExecuteAsync(
        CategoryScope scope, long parentId, int limit, long offset, CancellationToken cancellationToken)
    {
        var where = scope switch
        {
            CategoryScope.Roots => " WHERE parent_id IS NULL",
            CategoryScope.ChildrenOf => " WHERE parent_id = $1",
            _ => string.Empty,
        };
        return await PagedQuery.ExecuteAsync(
            database,
            "SELECT count(*) FROM categories" + where,
            $"SELECT id, name, parent_id, created_at, updated_at, version FROM categories{where} ORDER BY id LIMIT {limit} OFFSET {offset}",
            scope == CategoryScope.ChildrenOf ? [parentId] : [],
            limit,
            offset,
            reader => new CategorySnapshot(
                reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt64(5)),
            cancellationToken);
    }
}
