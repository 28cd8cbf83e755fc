using Commerce.Grains.Errors;
using Commerce.Grains.Interfaces.Validation;
using Commerce.Grains.Products;
using Commerce.Runtime.Identity;
using Commerce.Runtime.Storage;
using Npgsql;

namespace Commerce.Grains.Storage;

/// <summary>
/// Product state in the <c>products</c> table, which is also the search table: one row per product, written
/// only if its version is the one the grain loaded.
/// </summary>
internal sealed class ProductStorage(NpgsqlDataSource database) : IGrainStorage<ProductState>
{
    private const string Columns = "title, description, image_url, sku, price, category_id, created_at, updated_at, version";

    public async Task<StoredState<ProductState>?> ReadAsync(GrainId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM products WHERE id = $1", connection);
        command.Parameters.Add(new() { Value = id.Key });
        // Prepared once per pooled connection: every activation runs this, and parsing and planning it each
        // time cost PostgreSQL more than executing it (cold GETs: 22% more req/s, 35% less database CPU). Only
        // the state reads are prepared; searches are not, because generic plans are poor for LIKE $1.
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var state = new ProductState(
            reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
            reader.GetDecimal(4), reader.IsDBNull(5) ? null : reader.GetInt64(5),
            reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7));
        return new StoredState<ProductState>(state, reader.GetInt64(8));
    }

    public async Task<long> WriteAsync(GrainId id, ProductState state, long expectedVersion, CancellationToken cancellationToken)
    {
        var write = expectedVersion == 0
            ? new NpgsqlBatchCommand(
                "INSERT INTO products (id, title, description, image_url, sku, price, category_id, search_text, created_at, updated_at, version) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1) ON CONFLICT (id) DO NOTHING")
            : new NpgsqlBatchCommand(
                "UPDATE products SET title = $2, description = $3, image_url = $4, sku = $5, price = $6, category_id = $7, " +
                "search_text = $8, created_at = $9, updated_at = $10, version = version + 1 WHERE id = $1 AND version = $11");
        write.Parameters.Add(new() { Value = id.Key });
        write.Parameters.Add(new() { Value = state.Title });
        write.Parameters.Add(new() { Value = state.Description });
        write.Parameters.Add(new() { Value = (object?)state.ImageUrl ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        write.Parameters.Add(new() { Value = state.Sku });
        write.Parameters.Add(new() { Value = state.Price });
        write.Parameters.Add(new() { Value = (object?)state.CategoryId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        write.Parameters.Add(new() { Value = SearchText(state) });
        write.Parameters.Add(new() { Value = state.CreatedAt });
        write.Parameters.Add(new() { Value = state.UpdatedAt });
        if (expectedVersion != 0)
        {
            write.Parameters.Add(new() { Value = expectedVersion });
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Linking to a category must not interleave with a delete of that category's subtree; without a
        // category the write is one statement and needs no explicit transaction.
        await using var transaction = state.CategoryId is null ? null : await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (transaction is not null)
        {
            batch.BatchCommands.Add(CategoryTreeLock.Shared());
        }

        batch.BatchCommands.Add(write);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.IsUniqueViolation("products_sku"))
        {
            throw new DuplicateSkuException(state.Sku);
        }
        catch (PostgresException ex) when (ex.IsForeignKeyViolation())
        {
            throw new CategoryNotFoundException(state.CategoryId ?? 0, "category_id");
        }

        if (write.RecordsAffected != 1)
        {
            throw new InconsistentStateException(id, expectedVersion);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return expectedVersion + 1;
    }

    public async Task ClearAsync(GrainId id, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM products WHERE id = $1 AND version = $2");
        command.Parameters.Add(new() { Value = id.Key });
        command.Parameters.Add(new() { Value = expectedVersion });
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InconsistentStateException(id, expectedVersion);
        }
    }

    /// <summary>What search matches against: case-folded title and SKU, split by a character no query contains.</summary>
    internal static string SearchText(ProductState state) => CaseFold.Fold(state.Title) + '\u001f' + CaseFold.Fold(state.Sku);
}
