using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Commerce.Tests.Api;
using Commerce.Tools.CatalogAudit;
using Xunit.Abstractions;

namespace Commerce.Tests.Hardening;

/// <summary>
/// Eight workers hammer a small category tree and a few products with random creates, moves, renames, deletes,
/// edits and links for a bounded time, then <see cref="CatalogAuditor"/> checks every invariant on the whole
/// (private) database: the tree, sibling-name and SKU rules on grain state, SKU grains naming their products, read
/// rows equal to the states they project, and each product's GET equal to its read row.
/// </summary>
[Collection(FaultTestGroup.Name)]
public sealed class ConcurrencyTortureTests(ITestOutputHelper output)
{
    private const int Workers = 8;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(8);
    private static readonly string[] Names = ["Alpha", "beta", "ALPHA", "Gamma", "Delta", " gamma "];

    [Fact]
    public async Task Random_concurrent_changes_leave_every_invariant_intact()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var client = catalog.Client;
        var categories = new ConcurrentDictionary<long, bool>();
        var products = new ConcurrentDictionary<long, bool>();
        for (var i = 0; i < 4; i++)
        {
            categories[await client.CreateCategoryAsync("Root " + i)] = true;
        }

        var statuses = new ConcurrentDictionary<int, int>();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (stopwatch.Elapsed < Duration)
            {
                var response = await RandomOperationAsync(client, random, categories, products);
                statuses.AddOrUpdate((int)response.Status, 1, (_, n) => n + 1);
                Assert.True((int)response.Status < 500 || response.Status == HttpStatusCode.ServiceUnavailable, response.Body);
            }
        })));

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        var report = await new CatalogAuditor(catalog.ConnectionString, client).RunAsync();
        foreach (var finding in report.Violations.Concat(report.Warnings.Select(w => "warning: " + w)))
        {
            output.WriteLine(finding);
        }

        output.WriteLine($"{statuses.Values.Sum()} operations, {report.Violations.Count} violations, {report.Warnings.Count} warnings");
        Assert.Empty(report.Violations);
        Assert.True(statuses.GetValueOrDefault(200) + statuses.GetValueOrDefault(201) > 100, "Too few successful changes to mean anything.");
    }

    private static async Task<ApiResponse> RandomOperationAsync(
        HttpClient client, Random random, ConcurrentDictionary<long, bool> categories, ConcurrentDictionary<long, bool> products)
    {
        long? Pick(ConcurrentDictionary<long, bool> ids)
        {
            // One snapshot: other workers add and remove ids between reading the count and indexing.
            var known = ids.Keys.ToArray();
            return known.Length == 0 || random.Next(8) == 0 ? null : known[random.Next(known.Length)];
        }

        var name = Names[random.Next(Names.Length)] + random.Next(3);
        switch (random.Next(9))
        {
            case 0:
            case 1:
                var created = await client.ApiPostAsync("/api/v1/categories", new Dictionary<string, object?> { ["name"] = name, ["parent_id"] = Pick(categories) });
                if (created.Status == HttpStatusCode.Created)
                {
                    categories[created.Json.Id()] = true;
                }

                return created;
            case 2:
                return await client.ApiPatchAsync($"/api/v1/categories/{Pick(categories) ?? 1}", new Dictionary<string, object?> { ["parent_id"] = Pick(categories) });
            case 3:
                return await client.ApiPatchAsync($"/api/v1/categories/{Pick(categories) ?? 1}", new { name });
            case 4 when random.Next(3) == 0:
                return await client.ApiDeleteAsync($"/api/v1/categories/{Pick(categories) ?? 1}");
            case 5:
                var product = await client.ApiPostAsync("/api/v1/products", new Dictionary<string, object?>
                {
                    ["title"] = name, ["description"] = "torture", ["sku"] = "TORTURE-" + random.Next(40), ["price"] = random.Next(1000),
                    ["category_id"] = Pick(categories),
                });
                if (product.Status == HttpStatusCode.Created)
                {
                    products[product.Json.Id()] = true;
                }

                return product;
            case 6:
                return await client.ApiPatchAsync($"/api/v1/products/{Pick(products) ?? 1}", new Dictionary<string, object?> { ["category_id"] = Pick(categories) });
            case 7:
                return await client.ApiPatchAsync($"/api/v1/products/{Pick(products) ?? 1}",
                    new { title = name, price = $"{random.Next(100)}.{random.Next(100):00}", sku = "TORTURE-" + random.Next(40) });
            default:
                return random.Next(4) == 0
                    ? await client.ApiDeleteAsync($"/api/v1/products/{Pick(products) ?? 1}")
                    : await client.ApiGetAsync($"/api/v1/products/search?q=a&category_id={Pick(categories) ?? 1}");
        }
    }
}
