using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Commerce.Tests.Infrastructure;
using Commerce.Tests.Orders;
using Commerce.Tools.CatalogAudit;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Commerce.Tests.Cluster;

/// <summary>
/// Three silo processes and a front-end under a stream of orders; one silo gets SIGKILL mid-stream. Every order is
/// sent with an Idempotency-Key and repeated until it gets an answer. Afterwards every 201 order is there with its
/// stock taken once, nothing is held for orders any more, and the audit finds no stock taken without an order.
/// </summary>
[Collection(ClusterTestGroup.Name)]
public sealed class OrderCrashTests(ITestOutputHelper output)
{
    private const int Products = 12;
    private const long InitialStock = 100_000;

    [Fact]
    public async Task Killing_a_silo_while_orders_stream_in_leaves_every_order_with_its_stock_and_no_stock_without_an_order()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync("ordercrash");
        var logs = Directory.CreateTempSubdirectory("commerce-ordercrash-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Catalog"] = connectionString,
            ["Cluster__ClusterId"] = "ordercrash",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var processes = new List<SiloProcess>();
        using var stop = new CancellationTokenSource();
        var passed = false;
        output.WriteLine($"process logs: {logs}");
        try
        {
            processes.Add(await SiloProcess.StartSiloAsync(settings, logs));
            await processes[0].WaitUntilReadyAsync(http);
            processes.Add(await SiloProcess.StartSiloAsync(settings, logs));
            processes.Add(await SiloProcess.StartSiloAsync(settings, logs));
            var frontEnd = SiloProcess.StartFrontEnd(new Dictionary<string, string>(settings)
            {
                ["Cluster__Mode"] = "Client",
                ["Orleans__Messaging__ResponseTimeout"] = "00:00:05",
            }, logs);
            processes.Add(frontEnd);
            foreach (var process in processes)
            {
                await process.WaitUntilReadyAsync(http);
            }

            await TestClusterDatabase.WaitForActiveSilosAsync(connectionString, 3);
            var api = new Uri(frontEnd.BaseUrl);
            var products = new List<long>();
            for (var i = 0; i < Products; i++)
            {
                products.Add(await CreateProductAsync(http, api));
            }

            var placed = new ConcurrentDictionary<long, IReadOnlyList<(long Product, long Quantity)>>();
            var workers = Enumerable.Range(0, 6).Select(w => StreamOrdersAsync(http, api, products, w, placed, stop.Token)).ToList();
            await Poll.UntilAsync(() => placed.Count >= 60, "60 orders placed before the kill", seconds: 60);
            var victim = processes[1];
            victim.Kill();
            await Poll.UntilAsync(async () => (await TestClusterDatabase.MembersAsync(connectionString, "ordercrash"))
                .Single(row => row.Port == victim.SiloPort).Status == SiloStatus.Dead, "the killed silo to be declared dead", seconds: 60);
            var atKill = placed.Count;
            await Poll.UntilAsync(() => placed.Count >= atKill + 60, "60 more orders placed after the kill", seconds: 60);
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            output.WriteLine($"orders placed: {placed.Count} ({atKill} when the silo was declared dead)");

            // Orders cut short by the kill are finished by their next call or the sweep: nothing stays held.
            await Poll.UntilAsync(async () =>
            {
                foreach (var product in products)
                {
                    if ((await StockAsync(http, api, product)).Reserved != 0)
                    {
                        return false;
                    }
                }

                return true;
            }, "no unit held for an order any more", seconds: 60);
            foreach (var (id, lines) in placed)
            {
                using var read = await http.GetAsync(new Uri(api, $"/api/v1/orders/{id}"));
                Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            }

            foreach (var product in products)
            {
                var sold = placed.Values.SelectMany(l => l).Where(l => l.Product == product).Sum(l => l.Quantity);
                Assert.Equal(InitialStock - sold, (await StockAsync(http, api, product)).OnHand);
            }

            var audit = await new CatalogAuditor(connectionString).RunAsync();
            Assert.Empty(audit.Violations);
            passed = true;
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var process in processes)
            {
                process.Dispose();
            }

            if (passed)
            {
                Directory.Delete(logs, recursive: true);
            }
        }
    }

    /// <summary>Places 1–3-line orders one after another, each repeated with its key until it is answered 201.</summary>
    private static async Task StreamOrdersAsync(
        HttpClient http, Uri api, List<long> products, int worker, ConcurrentDictionary<long, IReadOnlyList<(long, long)>> placed, CancellationToken stop)
    {
        var random = new Random(worker);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var lines = products.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(p => (p, (long)random.Next(1, 4))).ToList();
            var key = string.Create(CultureInfo.InvariantCulture, $"w{worker}-{n}-{Guid.NewGuid():N}");
            var body = OrderApi.Body("crash", lines);
            // Once sent, an order is repeated until answered even after the stop: an abandoned one would be unknown.
            while (true)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api, "/api/v1/orders"))
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add("Idempotency-Key", key);
                    using var response = await http.SendAsync(request, CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var order = JsonNode.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None))!;
                        placed[order["id"]!.GetValue<long>()] = lines;
                        break;
                    }

                    Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                }
                catch (HttpRequestException)
                {
                    // The front-end is alive; a transport error is retried like a 503.
                }

                await Task.Delay(200, CancellationToken.None);
            }
        }
    }

    private static async Task<long> CreateProductAsync(HttpClient http, Uri api)
    {
        var body = $$"""{"title": "Crash", "description": "d", "sku": "CR-{{Guid.NewGuid():N}}", "price": "1.00", "stock_on_hand": {{InitialStock}}}""";
        using var response = await http.PostAsync(new Uri(api, "/api/v1/products"), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
    }

    private static async Task<(long OnHand, long Reserved)> StockAsync(HttpClient http, Uri api, long product)
    {
        var stock = JsonNode.Parse(await http.GetStringAsync(new Uri(api, $"/api/v1/products/{product}")))!["stock"]!;
        return (stock["on_hand"]!.GetValue<long>(), stock["reserved"]!.GetValue<long>());
    }
}
