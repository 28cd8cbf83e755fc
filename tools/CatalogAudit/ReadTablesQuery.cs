using Npgsql;

namespace Commerce.Tools.CatalogAudit;

/// <summary>Reads the read tables <c>products</c> and <c>categories</c> whole, keyed by id.</summary>
public static class ReadTablesQuery
{
    public static async Task<Dictionary<long, ProductRow>> ProductsAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken, long? onlyId = null)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, title, description, image_url, sku, price, category_id, search_text, search_grams, category_path, " +
            "created_at, updated_at, version, on_hand, reserved " +
            "FROM products WHERE $1::bigint IS NULL OR id = $1", connection);
        command.Parameters.Add(new() { Value = (object?)onlyId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        var rows = new Dictionary<long, ProductRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new ProductRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), NullableText(reader, 3),
                reader.GetString(4), reader.GetDecimal(5), reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.GetString(7),
                reader.GetFieldValue<string[]>(8), reader.GetFieldValue<long[]>(9),
                reader.GetFieldValue<DateTimeOffset>(10), reader.GetFieldValue<DateTimeOffset>(11), reader.GetInt64(12),
                reader.GetInt64(13), reader.GetInt64(14));
            rows[row.Id] = row;
        }

        return rows;
    }

    public static async Task<Dictionary<long, CategoryRow>> CategoriesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, parent_id, name, name_key, path, created_at, updated_at, version FROM categories", connection);
        var rows = new Dictionary<long, CategoryRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new CategoryRow(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2),
                reader.GetString(3), reader.GetFieldValue<long[]>(4), reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetInt64(7));
            rows[row.Id] = row;
        }

        return rows;
    }

    private static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
