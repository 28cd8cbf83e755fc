using System.Net;
using Commerce.Tests.Api;
using Commerce.Tools.CatalogAudit;

namespace Commerce.Tests.Hardening;

/// <summary>
/// A subtree moving back and forth while its products are created and relinked inside it: every product row ends
/// with its category's path (the audit checks each one against the tree), and subtree searches agree with the tree.
/// A product write reads its category's path under a share lock, so neither side can leave a stale path behind.
/// </summary>
public sealed class SubtreeMoveRaceTests
{
    [Fact]
    public async Task Product_paths_follow_moves_that_race_product_writes()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: RebuildSample.NoSweep);
        var client = catalog.Client;
        var left = await client.CreateCategoryAsync("Left");
        var right = await client.CreateCategoryAsync("Right");
        var moving = await client.CreateCategoryAsync("Moving", left);
        long[] inside = [moving, await client.CreateCategoryAsync("Inner", moving), await client.CreateCategoryAsync("Other", moving)];
        var products = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            products.Add((await client.CreateProductAsync(categoryId: inside[i % inside.Length])).Id());
        }

        var moves = Task.Run(async () =>
        {
            for (var i = 0; i < 16; i++)
            {
                (await client.ApiPatchAsync($"/api/v1/categories/{moving}", new { parent_id = i % 2 == 0 ? right : left }))
                    .AssertStatus(HttpStatusCode.OK);
            }
        });
        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                if (i % 3 == 0)
                {
                    products.Add((await client.CreateProductAsync(categoryId: inside[i % inside.Length])).Id());
                }
                else
                {
                    (await client.ApiPatchAsync($"/api/v1/products/{products[i % products.Count]}", new { category_id = inside[(i + 1) % inside.Length] }))
                        .AssertStatus(HttpStatusCode.OK);
                }
            }
        });
        await Task.WhenAll(moves, writes);

        Assert.Empty((await new CatalogAuditor(catalog.ConnectionString).RunAsync()).Violations);
        var underLeft = await client.ApiGetAsync($"/api/v1/products/search?category_id={left}&limit=100");
        Assert.Equal(products.Count, underLeft.Json["total"]!.GetValue<long>());
        Assert.Equal(0, (await client.ApiGetAsync($"/api/v1/products/search?category_id={right}")).Json["total"]!.GetValue<long>());
    }
}
