using Commerce.Tests.Api;
using Commerce.Tools.CatalogAudit;
using Npgsql;

namespace Commerce.Tests.Hardening;

/// <summary>
/// The search columns of a product row (its 1-/2-character grams and its category's path) are part of the
/// projection: the audit reports a row whose columns differ from what its state and the tree give, the rebuild
/// rewrites it, and searches answer from the rewritten columns.
/// </summary>
public sealed class SearchColumnAuditTests
{
    [Fact]
    public async Task Audit_reports_a_wrong_category_path_and_wrong_grams_and_rebuild_repairs_them()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: RebuildSample.NoSweep);
        var sample = await RebuildSample.CreateAsync(catalog.Client);
        Assert.Empty((await new CatalogAuditor(catalog.ConnectionString).RunAsync()).Violations);
        await ExecuteAsync(catalog.ConnectionString,
            """
            UPDATE products SET category_path = ARRAY[@garden] WHERE id = @hammer;
            UPDATE products SET search_grams = array_append(array_remove(search_grams, 'dr'), 'zz') WHERE id = @drill;
            """,
            ("garden", sample.Garden), ("hammer", sample.Hammer), ("drill", sample.Drill));

        var report = await new CatalogAuditor(catalog.ConnectionString).RunAsync();

        Assert.Equal(
            [
                $"product row equals state: product {sample.Hammer}: category_path row={sample.Garden} state={sample.Tools},{sample.Saws},{sample.HandSaws}",
                $"product row equals state: product {sample.Drill}: search_grams row has [zz] state has [dr]",
            ],
            report.Violations);

        var result = await new ReadTableRebuilder(catalog.ConnectionString).RunAsync();

        Assert.Equal(2, result.ProductsWritten);
        Assert.Empty((await new CatalogAuditor(catalog.ConnectionString).RunAsync()).Violations);
        Assert.Equal([sample.Hammer], await SearchIdsAsync(catalog.Client, $"category_id={sample.HandSaws}"));
        Assert.Equal([sample.Drill], await SearchIdsAsync(catalog.Client, "q=dr"));
    }

    [Fact]
    public async Task A_new_tree_activation_repairs_product_paths_that_their_category_rows_do_not_show()
    {
        string connectionString;
        RebuildSample sample;
        await using (var first = await IsolatedCatalog.StartAsync())
        {
            connectionString = first.ConnectionString;
            sample = await RebuildSample.CreateAsync(first.Client);
        }

        // As a crash between a move's category rows and its products' paths would leave them.
        await ExecuteAsync(connectionString, "UPDATE products SET category_path = ARRAY[@garden] WHERE id = @hammer",
            ("garden", sample.Garden), ("hammer", sample.Hammer));

        await using var restarted = await IsolatedCatalog.StartAsync(connectionString);
        await Commerce.Tests.Grains.Eventually.TrueAsync(
            async () => (await SearchIdsAsync(restarted.Client, $"category_id={sample.Tools}&q=hammer")).SequenceEqual([sample.Hammer]),
            TimeSpan.FromSeconds(30), "the hammer is found under Tools again");
        Assert.Empty(await SearchIdsAsync(restarted.Client, $"category_id={sample.Garden}&q=hammer"));
        Assert.Empty((await new CatalogAuditor(connectionString).RunAsync()).Violations);
    }

    private static async Task<List<long>> SearchIdsAsync(HttpClient client, string query)
    {
        var response = await client.ApiGetAsync($"/api/v1/products/search?limit=100&{query}");
        response.AssertStatus(System.Net.HttpStatusCode.OK);
        return [.. response.Json["items"]!.AsArray().Select(item => item!.Id()).Order()];
    }

    private static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
