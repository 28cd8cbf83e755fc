using System.Net;
using Commerce.Tests.Api;
using Commerce.Tests.Carts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Commerce.Tests.Stock;

/// <summary>
/// A reservation rewrites only the stock of the product's read row (sql/013, ProductReadRow.WriteStockAsync), and
/// only when the row shows the product's previous version; a row left behind gets the whole state.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class StockReadRowTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    private NpgsqlDataSource Database => api.Services.GetRequiredService<NpgsqlDataSource>();

    [Fact]
    public async Task A_reservation_moves_the_rows_stock_and_version_and_nothing_else()
    {
        var product = await Client.CreateProductAsync(title: "Stock row " + Unique.Token(), stockOnHand: 5);
        var before = await RowAsync(product.Id());
        var cart = await Client.CreateCartAsync();

        (await Client.PutItemAsync(cart, product.Id(), 2)).AssertStatus(HttpStatusCode.OK);

        var after = await RowAsync(product.Id());
        Assert.Equal((5L, 2L, 3L), (after.OnHand, after.Reserved, after.Available));
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal((before.Title, before.SearchText), (after.Title, after.SearchText));
    }

    [Fact]
    public async Task A_row_left_behind_by_a_crash_gets_the_whole_state_with_the_next_stock_change()
    {
        // As a crash between an update's state write and its row write leaves it: the row one version behind, old title.
        var title = "Current title " + Unique.Token();
        var product = await Client.CreateProductAsync(stockOnHand: 5);
        (await Client.ApiPatchAsync($"/api/v1/products/{product.Id()}", new { title })).AssertStatus(HttpStatusCode.OK);
        var patched = await RowAsync(product.Id());
        await using (var stale = Database.CreateCommand("UPDATE products SET title = 'stale', search_text = 'stale', version = version - 1 WHERE id = $1"))
        {
            stale.Parameters.Add(new() { Value = product.Id() });
            Assert.Equal(1, await stale.ExecuteNonQueryAsync());
        }

        var cart = await Client.CreateCartAsync();
        (await Client.PutItemAsync(cart, product.Id(), 1)).AssertStatus(HttpStatusCode.OK);

        var row = await RowAsync(product.Id());
        Assert.Equal(title, row.Title);
        Assert.Contains(title.ToLowerInvariant(), row.SearchText, StringComparison.Ordinal);
        Assert.Equal((5L, 1L), (row.OnHand, row.Reserved));
        Assert.Equal(patched.Version + 1, row.Version);
    }

    [Fact]
    public async Task No_index_of_products_covers_a_column_a_stock_change_writes()
    {
        // Otherwise PostgreSQL cannot update the row in place, and every reservation inserts into every index of
        // products, the text GIN indexes included.
        await using var command = Database.CreateCommand(
            """
            SELECT i.indexrelid::regclass::text
            FROM pg_index i
            WHERE i.indrelid = 'products'::regclass
              AND (EXISTS (SELECT 1 FROM pg_attribute a
                           WHERE a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                             AND a.attname IN ('on_hand', 'reserved', 'available', 'updated_at', 'version'))
                   OR pg_get_expr(i.indpred, i.indrelid) ~ '(on_hand|reserved|available|updated_at|version)'
                   OR pg_get_expr(i.indexprs, i.indrelid) ~ '(on_hand|reserved|available|updated_at|version)')
            """);
        var indexes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            indexes.Add(reader.GetString(0));
        }

        Assert.Empty(indexes);
    }

    private async Task<(string Title, string SearchText, long OnHand, long Reserved, long Available, long Version)> RowAsync(long id)
    {
        await using var command = Database.CreateCommand("SELECT title, search_text, on_hand, reserved, available, version FROM products WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }
}
