using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Commerce.Tests.Infrastructure;
using Npgsql;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Commerce.Tests.Cluster;

/// <summary>
/// Three silo processes and a front-end process under continuous writes; one silo gets SIGKILL mid-load. The survivors
/// declare it dead; every write that was acknowledged is there afterwards and its grain answers from a survivor; in
/// between, clients see nothing worse than a 503 with Retry-After.
/// </summary>
[Collection(ClusterTestGroup.Name)]
public sealed class SiloCrashTests(ITestOutputHelper output)
{
    private const int Workers = 8;
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Killing_a_silo_mid_load_loses_no_acknowledged_write_and_its_grains_answer_again_from_the_survivors()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync("crash");
        const string clusterId = "crash";
        var logs = Directory.CreateTempSubdirectory("commerce-crash-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Catalog"] = connectionString,
            ["Cluster__ClusterId"] = clusterId,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var silos = new List<SiloProcess>();
        SiloProcess? frontEnd = null;
        WriteLoad? load = null;
        Task running = Task.CompletedTask;
        var passed = false;
        output.WriteLine($"process logs: {logs}");
        try
        {
            // The first silo applies the migrations and creates the cluster; the others join it.
            silos.Add(await SiloProcess.StartSiloAsync(settings, logs));
            await silos[0].WaitUntilReadyAsync(http);
            silos.Add(await SiloProcess.StartSiloAsync(settings, logs));
            silos.Add(await SiloProcess.StartSiloAsync(settings, logs));
            frontEnd = SiloProcess.StartFrontEnd(new Dictionary<string, string>(settings)
            {
                ["Cluster__Mode"] = "Client",
                // As docker-compose.yml and scripts/cluster.sh run front-ends: a call that a dying silo swallowed fails
                // after this instead of Orleans' 30 s default.
                ["Orleans__Messaging__ResponseTimeout"] = ResponseTimeout.ToString("c", CultureInfo.InvariantCulture),
            }, logs);
            foreach (var process in silos.Append(frontEnd))
            {
                await process.WaitUntilReadyAsync(http);
            }

            await TestClusterDatabase.WaitForActiveSilosAsync(connectionString, 3);
            load = new WriteLoad(http, frontEnd.BaseUrl);
            var victim = silos[1];
            running = load.RunAsync(Workers);

            // Enough products that some live on every silo, the victim included.
            await Poll.UntilAsync(() => load.Products.Count >= 40, "40 acknowledged products before the kill");
            victim.Kill();
            var killedAt = load.Clock.Elapsed;
            // Orleans' default failure detection (probes, then votes); it took about 11 s here.
            await Poll.UntilAsync(async () => (await TestClusterDatabase.MembersAsync(connectionString, clusterId))
                .Single(row => row.Port == victim.SiloPort).Status == SiloStatus.Dead,
                "the survivors to declare the killed silo dead", seconds: 30);
            var declaredAt = load.Clock.Elapsed;
            // Recovered: 100 requests in a row succeed after the declaration and after the last failure.
            load.ResetStreak();
            await Poll.UntilAsync(() => load.Streak >= 100, "100 requests in a row to succeed after the kill", seconds: 30);
            await load.StopAsync(running);

            output.WriteLine(Summary(load, killedAt, declaredAt));
            // At most a brief 503 with Retry-After: no request waits much past the response timeout, and once the
            // survivors have declared the silo dead, requests sent from then on succeed (gossip takes a moment).
            Assert.All(load.Failures, f =>
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, f.Status);
                Assert.NotNull(f.RetryAfter);
                Assert.True(f.Took < ResponseTimeout + TimeSpan.FromSeconds(3), $"a request waited {f.Took} for its 503");
                Assert.True(f.Sent < declaredAt + TimeSpan.FromSeconds(5), $"a request sent {f.Sent - declaredAt} after the declaration failed");
            });
            await AssertEveryAcknowledgedWriteIsStoredAsync(connectionString, load.Products);
            await AssertEveryAcknowledgedProductAnswersAsync(http, frontEnd.BaseUrl, load.Products);
            passed = true;
        }
        finally
        {
            // A failed wait must not leave the workers spinning against processes that are gone.
            if (load is not null)
            {
                await load.StopAsync(running);
            }

            foreach (var process in silos.Append(frontEnd).OfType<SiloProcess>())
            {
                process.Dispose();
            }

            // The processes' logs stay for a failed run; the failure names them.
            if (passed)
            {
                Directory.Delete(logs, recursive: true);
            }
        }
    }

    private static string Summary(WriteLoad load, TimeSpan killedAt, TimeSpan declaredAt)
    {
        var lastFailure = load.Failures.Select(f => f.Answered).DefaultIfEmpty(killedAt).Max();
        var lastSent = load.Failures.Select(f => f.Sent).DefaultIfEmpty(killedAt).Max();
        var slowest = load.Failures.Select(f => f.Took.TotalSeconds).DefaultIfEmpty().Max();
        var failures = load.Failures.GroupBy(f => (f.Status, f.RetryAfter))
            .Select(g => FormattableString.Invariant($"{(int)g.Key.Status} (Retry-After {g.Key.RetryAfter ?? "none"}) x{g.Count()}"));
        return FormattableString.Invariant(
            $"requests: {load.Requests}, acknowledged products: {load.Products.Count}, declared dead {(declaredAt - killedAt).TotalSeconds:0.0} s and last failure {(lastFailure - killedAt).TotalSeconds:0.0} s after the kill (sent {(lastSent - killedAt).TotalSeconds:0.0} s after it), slowest failed request {slowest:0.0} s, failures: {string.Join(", ", failures)}");
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
            Assert.True(stored.TryGetValue(id, out var row), $"acknowledged product {id} has no read row");
            Assert.Equal(product.Sku, row.Sku);
            Assert.Contains(row.Price, product.PossiblePrices);
        }
    }

    /// <summary>Grain state is the source of truth: each product's grain answers, wherever it lived before the kill.</summary>
    private static async Task AssertEveryAcknowledgedProductAnswersAsync(HttpClient http, string baseUrl, IReadOnlyDictionary<long, AcknowledgedProduct> products)
    {
        foreach (var (id, product) in products)
        {
            var answer = await WriteLoad.SendAsync(http, HttpMethod.Get, $"{baseUrl}/api/v1/products/{id}", null);
            Assert.True(answer.Status == HttpStatusCode.OK, $"product {id} answered {(int)answer.Status}");
            Assert.Equal(product.Sku, answer.Json!["sku"]!.GetValue<string>());
            Assert.Contains(answer.Json!["price"]!.GetValue<string>(), product.PossiblePrices);
        }
    }
}

/// <summary>A product whose create was acknowledged, the last price acknowledged for it and prices whose outcome is unknown.</summary>
internal sealed record AcknowledgedProduct(string Sku, string AcknowledgedPrice, string[] UnknownPrices)
{
    /// <summary>A failed PATCH may or may not have been stored, but never an older acknowledged price.</summary>
    public IEnumerable<string> PossiblePrices => UnknownPrices.Prepend(AcknowledgedPrice);
}

/// <summary>A request that did not get its expected status: what it got, when it was sent and how long it waited.</summary>
internal sealed record FailedRequest(HttpStatusCode Status, string? RetryAfter, TimeSpan Sent, TimeSpan Took)
{
    public TimeSpan Answered => Sent + Took;
}

internal sealed record LoadAnswer(HttpStatusCode Status, JsonNode? Json, string? RetryAfter);
