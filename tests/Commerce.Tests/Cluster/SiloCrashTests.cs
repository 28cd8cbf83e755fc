using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Commerce.Tests.Api;
using Commerce.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Commerce.Tests.Cluster;

/// <summary>
/// Three silo processes and a front-end under continuous writes; one silo gets SIGKILL mid-load. Every write that
/// was acknowledged must be there afterwards, nothing is a 500, and requests succeed again within 15 s.
/// </summary>
public sealed class SiloCrashTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Killing_a_silo_mid_load_loses_no_acknowledged_write()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync("crash");
        var logs = Directory.CreateTempSubdirectory("commerce-crash-").FullName;
        var silo = new Dictionary<string, string>
        {
            ["ConnectionStrings__Catalog"] = connectionString,
            ["Cluster__Mode"] = "Silo",
            ["Cluster__HeartbeatInterval"] = "00:00:00.500",
            ["Cluster__DeathTimeout"] = "00:00:04",
        };
        var frontEndSettings = new Dictionary<string, string>(silo) { ["Cluster__Mode"] = "Client" };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(40) };
        var silos = Enumerable.Range(0, 3).Select(_ => SiloProcess.Start("Commerce.Silo.dll", silo, logs)).ToList();
        using var frontEnd = SiloProcess.Start("Commerce.WebApi.dll", frontEndSettings, logs);
        try
        {
            foreach (var process in silos.Append(frontEnd))
            {
                await process.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(60));
            }

            await WaitForActiveSilosAsync(connectionString, 3);
            await Task.Delay(1500); // let the front-end's view catch up with the third silo
            var outcome = await RunLoadAsync(http, frontEnd.BaseUrl, () => silos[1].Kill());

            output.WriteLine($"requests: {outcome.Requests}, acknowledged creates: {outcome.Products.Count}, failures: {outcome.Failures.Count}, " +
                $"last failure {outcome.LastFailureAfterKill?.TotalSeconds:0.00} s after the kill, statuses: {string.Join(", ", outcome.Failures.GroupBy(f => f.Status).Select(g => $"{g.Key}×{g.Count()}"))}");
            Assert.DoesNotContain(outcome.Failures, f => f.Status == HttpStatusCode.InternalServerError);
            Assert.All(outcome.Failures, f => Assert.Equal(HttpStatusCode.ServiceUnavailable, f.Status));
            Assert.True(outcome.LastFailureAfterKill is null || outcome.LastFailureAfterKill < TimeSpan.FromSeconds(15),
                $"requests still failed {outcome.LastFailureAfterKill} after the kill");
            Assert.True(outcome.SucceededAfterLastFailure, "no request succeeded after the last failure");
            await AssertEveryAcknowledgedWriteIsStoredAsync(connectionString, outcome.Products);
        }
        finally
        {
            foreach (var process in silos)
            {
                process.Dispose();
            }
        }
    }

    private static async Task<LoadOutcome> RunLoadAsync(HttpClient http, string baseUrl, Action kill)
    {
        var products = new ConcurrentDictionary<long, AcknowledgedProduct>();
        var failures = new ConcurrentBag<(HttpStatusCode Status, TimeSpan At)>();
        var clock = Stopwatch.StartNew();
        TimeSpan? killedAt = null;
        var lastSuccess = TimeSpan.Zero;
        var requests = 0;
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; clock.Elapsed < LoadDuration; n++)
            {
                var sku = $"CRASH-{worker}-{n}-{Guid.NewGuid():N}"[..40].ToUpperInvariant();
                var created = await SendAsync(http, HttpMethod.Post, $"{baseUrl}/api/v1/products", $$"""{"title":"Crash {{n}}","description":"d","sku":"{{sku}}","price":"1.00"}""");
                Interlocked.Increment(ref requests);
                if (created.Status != HttpStatusCode.Created)
                {
                    failures.Add((created.Status, clock.Elapsed));
                    continue;
                }

                var id = created.Json["id"]!.GetValue<long>();
                var product = products[id] = new AcknowledgedProduct(sku, "1.00", []);
                lastSuccess = clock.Elapsed;
                for (var price = 2; price <= 4; price++)
                {
                    var value = price.ToString(CultureInfo.InvariantCulture) + ".00";
                    var patched = await SendAsync(http, HttpMethod.Patch, $"{baseUrl}/api/v1/products/{id}", $$"""{"price":"{{value}}"}""");
                    Interlocked.Increment(ref requests);
                    if (patched.Status == HttpStatusCode.OK)
                    {
                        product = products[id] = product with { AcknowledgedPrice = value };
                        lastSuccess = clock.Elapsed;
                    }
                    else
                    {
                        // Outcome unknown: the stored price may be this one, but never an older acknowledged one.
                        failures.Add((patched.Status, clock.Elapsed));
                        products[id] = product with { UnknownPrices = [.. product.UnknownPrices, value] };
                        break;
                    }
                }
            }
        })).ToList();

        await Task.Delay(KillAfter);
        kill();
        killedAt = clock.Elapsed;
        await Task.WhenAll(workers);
        var lastFailure = failures.Where(f => f.At >= killedAt).Select(f => f.At).DefaultIfEmpty().Max();
        return new LoadOutcome(products, [.. failures], requests,
            lastFailure == default ? null : lastFailure - killedAt, lastSuccess > lastFailure);
    }

    private static async Task AssertEveryAcknowledgedWriteIsStoredAsync(string connectionString, IReadOnlyDictionary<long, AcknowledgedProduct> products)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, sku, price::text FROM products", connection);
        var stored = new Dictionary<long, (string Sku, string Price)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2));
            }
        }

        Assert.NotEmpty(products);
        foreach (var (id, product) in products)
        {
            Assert.True(stored.TryGetValue(id, out var row), $"acknowledged product {id} is missing");
            Assert.Equal(product.Sku, row.Sku);
            Assert.Contains(row.Price, product.UnknownPrices.Prepend(product.AcknowledgedPrice));
        }
    }

    private static async Task WaitForActiveSilosAsync(string connectionString, int count)
    {
        await TestClusterDatabase.WaitForActiveSilosAsync(connectionString, count);
    }

    private static async Task<ApiResponse> SendAsync(HttpClient http, HttpMethod method, string url, string json)
    {
        try
        {
            using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
            using var response = await http.SendAsync(request);
            return new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), null, null, null);
        }
        catch (HttpRequestException)
        {
            return new ApiResponse(HttpStatusCode.BadGateway, string.Empty, null, null, null);
        }
    }

    private sealed record AcknowledgedProduct(string Sku, string AcknowledgedPrice, string[] UnknownPrices);

    private sealed record LoadOutcome(
        IReadOnlyDictionary<long, AcknowledgedProduct> Products,
        IReadOnlyList<(HttpStatusCode Status, TimeSpan At)> Failures,
        int Requests,
        TimeSpan? LastFailureAfterKill,
        bool SucceededAfterLastFailure);
}
