using System.Net;
using Commerce.Grains.Interfaces.Skus;
using Commerce.Tests.Api;
using Commerce.Tests.Hardening;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace Commerce.Tests.Grains;

/// <summary>
/// What a crash can leave behind, made by hand on a catalog of its own, and how the grains bring it back: read rows
/// behind their grain state (the sweep), a category delete cut short (its durable intent), a SKU claimed by a product
/// that never wrote it (the claim is checked with its holder).
/// </summary>
[Collection(FaultTestGroup.Name)]
public sealed class RecoveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);
    private IsolatedCatalog catalog = null!;

    public async Task InitializeAsync() =>
        catalog = await IsolatedCatalog.StartAsync(settings: new Dictionary<string, string> { ["ReadRows:Interval"] = "00:00:01" });

    public async Task DisposeAsync() => await catalog.DisposeAsync();

    [Fact]
    public async Task Product_read_rows_left_behind_or_missing_are_rewritten_from_the_grain_state()
    {
        var stale = await catalog.Client.CreateProductAsync(title: "Old title");
        (await catalog.Client.ApiPatchAsync($"/api/v1/products/{stale.Id()}", new { title = "Kept title" })).AssertStatus(HttpStatusCode.OK);
        var missing = await catalog.Client.CreateProductAsync();
        await ExecuteAsync($"UPDATE products SET title = 'Old title', version = 1 WHERE id = {stale.Id()}");
        await ExecuteAsync($"DELETE FROM products WHERE id = {missing.Id()}");

        await Eventually.TrueAsync(async () => await ScalarAsync($"SELECT count(*) FROM products WHERE id = {missing.Id()}") == 1 &&
                                             await ScalarAsync($"SELECT count(*) FROM products WHERE id = {stale.Id()} AND title = 'Kept title' AND version = 2") == 1,
            Within, "the sweep rewrites both rows");
        var found = await catalog.Client.ApiGetAsync($"/api/v1/products/search?q={missing.Text("sku")}");
        Assert.Equal(1, found.Json["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_read_row_of_a_deleted_product_is_removed()
    {
        var product = await catalog.Client.CreateProductAsync();
        (await catalog.Client.ApiDeleteAsync($"/api/v1/products/{product.Id()}")).AssertStatus(HttpStatusCode.NoContent);
        await ExecuteAsync(
            $"INSERT INTO products (id, title, description, sku, price, search_text, created_at, updated_at, version) " +
            $"VALUES ({product.Id()}, 'ghost', 'ghost', 'GHOST-{product.Id()}', 1, 'ghost', now(), now(), 1)");

        await Eventually.TrueAsync(async () => await ScalarAsync($"SELECT count(*) FROM products WHERE id = {product.Id()}") == 0,
            Within, "the sweep removes the row of a product whose state is cleared");
    }

    [Fact]
    public async Task Category_read_rows_with_a_wrong_path_or_missing_are_rewritten()
    {
        var root = await catalog.Client.CreateCategoryAsync("Root " + Unique.Token());
        var child = await catalog.Client.CreateCategoryAsync("Child " + Unique.Token(), root);
        await ExecuteAsync($"UPDATE categories SET path = ARRAY[{child}]::bigint[] WHERE id = {child}");
        await ExecuteAsync($"DELETE FROM categories WHERE id = {root}");

        await Eventually.TrueAsync(
            async () => await ScalarAsync($"SELECT count(*) FROM categories WHERE (id = {root} AND path = ARRAY[{root}]::bigint[]) OR (id = {child} AND path = ARRAY[{root}, {child}]::bigint[])") == 2,
            Within, "the tree rewrites both category rows");
    }

    [Fact]
    public async Task A_category_delete_cut_short_is_finished_by_the_next_tree_activation()
    {
        // A first delete makes the tree write its state row; the intent of a second one is then put there by hand,
        // as a crash right after recording it would have left it.
        await catalog.Client.ApiDeleteAsync($"/api/v1/categories/{await catalog.Client.CreateCategoryAsync("Gone " + Unique.Token())}");
        var root = await catalog.Client.CreateCategoryAsync("Doomed " + Unique.Token());
        var child = await catalog.Client.CreateCategoryAsync("Doomed child", root);
        var product = await catalog.Client.CreateProductAsync(categoryId: child);
        await ExecuteAsync(
            $$"""UPDATE orleansstorage SET payloadjson = jsonb_set(payloadjson, '{pending_deletes}', '[{"root_id": {{root}}, "category_ids": [{{root}}, {{child}}]}]') WHERE graintypestring = 'category-tree'""");
        await catalog.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        await Eventually.TrueAsync(
            async () => (await catalog.Client.ApiGetAsync($"/api/v1/categories/{root}")).Status == HttpStatusCode.NotFound &&
                        (await catalog.Client.ApiGetAsync($"/api/v1/categories/{child}")).Status == HttpStatusCode.NotFound &&
                        (await catalog.Client.ApiGetAsync($"/api/v1/products/{product.Id()}")).Json["category_id"] is null,
            Within, "the subtree is gone and its product unlinked");
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM orleansstorage WHERE graintypestring = 'category-tree' AND jsonb_array_length(payloadjson->'pending_deletes') > 0"));
        Assert.Equal(0, (await catalog.Client.ApiGetAsync($"/api/v1/products/search?category_id={root}")).Json["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_sku_claimed_by_a_product_that_never_wrote_it_goes_to_the_next_product_that_asks()
    {
        var sku = Unique.Sku();
        var claimed = await catalog.Services.GetRequiredService<IGrainFactory>().GetGrain<ISkuGrain>(sku).ClaimAsync(long.MaxValue - 1);
        Assert.True(claimed);

        var product = await catalog.Client.CreateProductAsync(sku: sku);

        Assert.Equal(sku, product.Text("sku"));
        var second = await catalog.Client.ApiPostAsync("/api/v1/products", new { title = "t", description = "d", sku, price = 1 });
        second.AssertStatus(HttpStatusCode.Conflict);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var database = NpgsqlDataSource.Create(catalog.ConnectionString);
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var database = NpgsqlDataSource.Create(catalog.ConnectionString);
        await using var command = database.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
