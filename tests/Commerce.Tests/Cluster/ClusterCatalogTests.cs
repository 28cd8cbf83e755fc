using System.Net;
using Commerce.Tests.Api;

namespace Commerce.Tests.Cluster;

/// <summary>The catalog's rules and guarantees with requests entering through different front-ends and landing on different silos.</summary>
public sealed class ClusterCatalogTests
{
    [Fact]
    public async Task Cross_grain_rules_hold_across_front_ends_and_silos()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var (first, _) = await cluster.AddFrontEndAsync();
        var (second, _) = await cluster.AddFrontEndAsync();
        HttpClient Pick(int i) => i % 2 == 0 ? first : second;

        var sku = Unique.Sku();
        var skuRace = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Pick(i).ApiPostAsync("/api/v1/products", new { title = $"t{i}", description = "d", sku, price = 1 })));
        Assert.Equal(1, skuRace.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(15, skuRace.Count(r => r.Status == HttpStatusCode.Conflict));

        var name = "Name " + Unique.Token();
        var nameRace = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Pick(i).ApiPostAsync("/api/v1/categories", new { name })));
        Assert.Equal(1, nameRace.Count(r => r.Status == HttpStatusCode.Created));

        for (var round = 0; round < 5; round++)
        {
            var a = await first.CreateCategoryAsync("A " + Unique.Token());
            var b = await second.CreateCategoryAsync("B " + Unique.Token());
            var moves = await Task.WhenAll(
                first.ApiPatchAsync($"/api/v1/categories/{a}", new { parent_id = b }),
                second.ApiPatchAsync($"/api/v1/categories/{b}", new { parent_id = a }));
            Assert.Equal(1, moves.Count(r => r.Status == HttpStatusCode.OK));
        }
    }

    [Fact]
    public async Task Writes_through_one_front_end_are_read_through_the_other_and_a_cascade_reaches_every_silo()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var (writer, _) = await cluster.AddFrontEndAsync();
        var (reader, _) = await cluster.AddFrontEndAsync();
        var category = await writer.CreateCategoryAsync("Cat " + Unique.Token());
        var ids = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await writer.CreateProductAsync(categoryId: category))["id"]!.GetValue<long>());
        }

        // Activate every product on its owner with the linked state, then delete the category.
        foreach (var id in ids)
        {
            Assert.Equal(category, (await reader.ApiGetAsync($"/api/v1/products/{id}")).Json["category_id"]!.GetValue<long>());
        }

        (await writer.ApiDeleteAsync($"/api/v1/categories/{category}")).AssertStatus(HttpStatusCode.NoContent);

        foreach (var id in ids)
        {
            var product = await reader.ApiGetAsync($"/api/v1/products/{id}");
            Assert.Null(product.Json["category_id"]?.GetValue<long?>());
            Assert.Equal("\"2\"", product.ETag);
        }
    }

    [Fact]
    public async Task No_update_is_lost_while_silos_join_and_leave()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var (client, membership) = await cluster.AddFrontEndAsync();
        var products = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            products.Add((await client.CreateProductAsync(price: "0.00"))["id"]!.GetValue<long>());
        }

        // Each worker increments one product's price by 1.00 with optimistic concurrency (If-Match + retry).
        using var stop = new CancellationTokenSource();
        var acknowledged = new int[products.Count];
        var workers = products.Select((id, index) => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var current = await client.ApiGetAsync($"/api/v1/products/{id}");
                if (current.Status != HttpStatusCode.OK)
                {
                    continue;
                }

                var next = decimal.Parse(current.Json["price"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) + 1;
                var update = await client.ApiPatchAsync($"/api/v1/products/{id}", new { price = next }, current.ETag);
                if (update.Status == HttpStatusCode.OK)
                {
                    acknowledged[index]++;
                }
            }
        })).ToArray();

        await Task.Delay(500);
        var joined = await cluster.AddSiloAsync();
        await cluster.WaitUntilSettledAsync();
        await TestCluster.WaitAsync(() => membership.View.Active.Count == 3, "the front-end to see the new silo");
        await Task.Delay(500);
        await cluster.StopSiloAsync(cluster.Silos[0]);
        await TestCluster.WaitAsync(() => membership.View.Active.Count == 2, "the front-end to drop the leaver");
        await Task.Delay(500);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        for (var i = 0; i < products.Count; i++)
        {
            var final = await client.ApiGetAsync($"/api/v1/products/{products[i]}");
            Assert.Equal($"{acknowledged[i]}.00", final.Json["price"]!.GetValue<string>());
            Assert.Equal($"\"{acknowledged[i] + 1}\"", final.ETag);
        }

        Assert.True(acknowledged.Sum() > 20, $"too few increments to prove anything: {acknowledged.Sum()}");
        Assert.Contains(joined, cluster.Silos);
    }
}
