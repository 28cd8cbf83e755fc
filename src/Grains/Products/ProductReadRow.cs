using Commerce.Grains.Interfaces.Products;
using Commerce.ReadModel;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Commerce.Grains.Products;

/// <summary>
/// Keeps a product's row in the <c>products</c> read table in step with its grain state. Every write carries the
/// state's version and never replaces a newer row, so replays (the sweep, a rebuild) and late writes are harmless.
/// </summary>
public sealed partial class ProductReadRow(NpgsqlDataSource database, IGrainFactory grains, ILogger<ProductReadRow> logger)
{
    /// <summary>
    /// The row write, also used by the read-table rebuild (tools/CatalogAudit) so both write the same rows. The
    /// category path comes from the category's row, share-locked: a move that rewrites that row waits for this write to
    /// commit, and its re-projection of the subtree's products (<see cref="ProductCategoryPaths"/>) then sees it; a
    /// write that waited for the move reads the new path.
    /// </summary>
    internal const string Upsert =
        """
        WITH category AS (SELECT path FROM categories WHERE id = $7 FOR SHARE)
        INSERT INTO products (id, title, description, image_url, sku, price, category_id, search_text, search_grams, category_path,
                              created_at, updated_at, version, on_hand, reserved)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $12, coalesce((SELECT path FROM category), '{}'), $9, $10, $11, $13, $14)
        ON CONFLICT (id) DO UPDATE SET
            title = EXCLUDED.title, description = EXCLUDED.description, image_url = EXCLUDED.image_url, sku = EXCLUDED.sku,
            price = EXCLUDED.price, category_id = EXCLUDED.category_id, search_text = EXCLUDED.search_text,
            search_grams = EXCLUDED.search_grams, category_path = EXCLUDED.category_path,
            created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version,
            on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved
        WHERE products.version < EXCLUDED.version
        """;

    /// <summary>
    /// A state that differs from <paramref name="previousVersion"/>'s only in its stock: when the row shows exactly that
    /// version, only the stock figures and the version move — no search columns, no category lock, and no indexed
    /// column, so PostgreSQL updates the row in place (sql/013). A row that is missing or behind gets the whole row.
    /// </summary>
    public async Task WriteStockAsync(long id, ProductState state, long previousVersion, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "UPDATE products SET on_hand = $2, reserved = $3, updated_at = $4, version = $5 WHERE id = $1 AND version = $6");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = state.Stock.OnHand });
        command.Parameters.Add(new() { Value = state.Stock.Reserved });
        command.Parameters.Add(new() { Value = state.UpdatedAt });
        command.Parameters.Add(new() { Value = state.Version });
        command.Parameters.Add(new() { Value = previousVersion });
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            await WriteAsync(id, state, cancellationToken);
        }
    }

    public async Task WriteAsync(long id, ProductState state, CancellationToken cancellationToken = default)
    {
        try
        {
            await UpsertAsync(id, state, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "products_sku")
        {
            // The SKU grain gave this product the SKU, so the row still showing it belongs to a product whose newer
            // state has not reached its row (a crash between the two writes). Bring that row up to date and retry.
            var holder = await RowHoldingSkuAsync(state.Sku, cancellationToken);
            LogStaleSkuRow(logger, state.Sku, id, holder);
            if (holder is { } other && other != id)
            {
                await grains.GetGrain<IProductGrain>(other).RepairReadRowAsync();
            }

            await UpsertAsync(id, state, cancellationToken);
        }
    }

    public async Task DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("DELETE FROM products WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task UpsertAsync(long id, ProductState state, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Upsert);
        AddRowParameters(command.Parameters, id, state);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The parameters of <see cref="Upsert"/> for a product state: the row the state projects to.</summary>
    internal static void AddRowParameters(NpgsqlParameterCollection parameters, long id, ProductState state)
    {
        parameters.Add(new() { Value = id });
        parameters.Add(new() { Value = state.Title });
        parameters.Add(new() { Value = state.Description });
        parameters.Add(new() { Value = (object?)state.ImageUrl ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new() { Value = state.Sku });
        parameters.Add(new() { Value = state.Price });
        parameters.Add(new() { Value = (object?)state.CategoryId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        parameters.Add(new() { Value = SearchText.For(state.Title, state.Sku) });
        parameters.Add(new() { Value = state.CreatedAt });
        parameters.Add(new() { Value = state.UpdatedAt });
        parameters.Add(new() { Value = state.Version });
        parameters.Add(new() { Value = SearchGrams.For(state.Title, state.Sku) });
        parameters.Add(new() { Value = state.Stock.OnHand });
        parameters.Add(new() { Value = state.Stock.Reserved });
    }

    private async Task<long?> RowHoldingSkuAsync(string sku, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT id FROM products WHERE sku = $1");
        command.Parameters.Add(new() { Value = sku });
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Read row of product {Holder} still shows SKU {Sku}, now held by product {ProductId}; repairing it")]
    private static partial void LogStaleSkuRow(ILogger logger, string sku, long productId, long? holder);
}
