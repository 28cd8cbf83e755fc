using Commerce.Tests.Api;
using Npgsql;

namespace Commerce.Tests.Hardening;

/// <summary>
/// A small catalog made through the API for the audit and rebuild tests: Tools › Saws › Hand saws and Garden, a product
/// in each of Hand saws, Saws and Garden and one in none. <see cref="DamageReadTablesAsync"/> breaks the read tables
/// the ways a crash, a bad script or a hand edit could.
/// </summary>
internal sealed record RebuildSample(long Tools, long Saws, long HandSaws, long Garden, long Hammer, long Drill, long Rake, long Loose)
{
    /// <summary>A product row and a category row with no grain state behind them.</summary>
    public const long GhostId = 9_000_000;

    /// <summary>Settings that stop the read-row sweep for the test's length, so only the rebuild repairs rows.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoSweep = new Dictionary<string, string> { ["ReadRows:Interval"] = "01:00:00" };

    public static async Task<RebuildSample> CreateAsync(HttpClient client)
    {
        var tools = await client.CreateCategoryAsync("Tools");
        var saws = await client.CreateCategoryAsync("Saws", tools);
        var handSaws = await client.CreateCategoryAsync("Hand saws", saws);
        var garden = await client.CreateCategoryAsync("Garden");
        return new RebuildSample(tools, saws, handSaws, garden,
            (await client.CreateProductAsync("Rebuilt hammer", categoryId: handSaws)).Id(),
            (await client.CreateProductAsync("Rebuilt drill", categoryId: saws)).Id(),
            (await client.CreateProductAsync("Rebuilt rake", categoryId: garden)).Id(),
            (await client.CreateProductAsync("Rebuilt ladder")).Id());
    }

    /// <summary>
    /// Drops the hammer's row and the Saws row, renames the drill in its row, moves Hand saws' path under Garden, marks
    /// Tools' products as not carrying its current path (which only slows its searches down), and
    /// adds a product row and a category row of no resource. The batch is one transaction and changes category rows
    /// before product rows, the order in which a product row write locks them (its category's row, then its own):
    /// the other order can deadlock with a product write that runs meanwhile.
    /// </summary>
    public async Task DamageReadTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            UPDATE categories SET path = ARRAY[@garden, @handSaws] WHERE id = @handSaws;
            UPDATE categories SET product_paths_current = false WHERE id = @tools;
            DELETE FROM categories WHERE id = @saws;
            INSERT INTO categories (id, name, name_key, path, created_at, updated_at, version)
            VALUES (@ghost, 'Ghost', 'ghost', ARRAY[@ghost], now(), now(), 1);
            DELETE FROM products WHERE id = @hammer;
            UPDATE products SET title = 'Wrong title', search_text = 'wrong title' WHERE id = @drill;
            INSERT INTO products (id, title, description, sku, price, search_text, created_at, updated_at, version)
            VALUES (@ghost, 'Ghost', 'No state', 'GHOST-1', 1, 'ghost', now(), now(), 1);
            """, connection);
        command.Parameters.AddWithValue("hammer", Hammer);
        command.Parameters.AddWithValue("drill", Drill);
        command.Parameters.AddWithValue("garden", Garden);
        command.Parameters.AddWithValue("handSaws", HandSaws);
        command.Parameters.AddWithValue("saws", Saws);
        command.Parameters.AddWithValue("tools", Tools);
        command.Parameters.AddWithValue("ghost", GhostId);
        await command.ExecuteNonQueryAsync();
    }
}
