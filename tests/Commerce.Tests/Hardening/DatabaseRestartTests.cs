using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Commerce.Postgres;
using Commerce.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit.Abstractions;

namespace Commerce.Tests.Hardening;

/// <summary>
/// PostgreSQL stopped (fast shutdown) and started again under a steady write load, on a private server of this
/// test: while it is down requests get 503 problems with Retry-After and /health/ready is 503; afterwards the
/// same process serves again, and every write that was acknowledged is there.
/// </summary>
[Collection(FaultTestGroup.Name)]
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Requests_get_503_while_the_database_is_down_and_succeed_after_it_restarts_with_no_write_lost()
    {
        var folder = TestPostgresFolder.Create();
        var settings = new EmbeddedPostgresSettings(TestPostgresFolder.DataDirectoryIn(folder), "catalog") { Port = TestPorts.Take() };
        var server = await EmbeddedPostgres.StartAsync(settings, NullLogger.Instance, default);
        try
        {
            // The catalog stops before the database does, so its silo can leave the cluster table cleanly.
            await using var catalog = await IsolatedCatalog.StartAsync(server.ConnectionString, new Dictionary<string, string>
            {
                ["Database:ConnectionTimeout"] = "00:00:02",
                ["Database:CommandTimeout"] = "00:00:05",
            });
            var client = catalog.Client;
            var acknowledged = new ConcurrentDictionary<long, string>();
            var unexpected = new ConcurrentQueue<string>();
            var unavailable = 0;
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var sku = "RESTART-" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
                    var response = await Probe.SendAsync(client, HttpMethod.Post, "/api/v1/products",
                        $"{{\"title\":\"Restart\",\"description\":\"d\",\"sku\":\"{sku}\",\"price\":1}}");
                    if (response.Status == HttpStatusCode.Created)
                    {
                        acknowledged[JsonNode.Parse(response.Body)!["id"]!.GetValue<long>()] = sku;
                    }
                    else if (response.Status == HttpStatusCode.ServiceUnavailable && response.RetryAfter is not null)
                    {
                        Interlocked.Increment(ref unavailable);
                        await Task.Delay(50); // a client backing off after a 503, as a real one would
                    }
                    else
                    {
                        unexpected.Enqueue($"{(int)response.Status}: {response.Body}");
                    }
                }
            })).ToArray();

            var flowing = await WaitUntilAsync(() => acknowledged.Count >= 20 || !unexpected.IsEmpty, TimeSpan.FromSeconds(30));
            Assert.True(flowing && unexpected.IsEmpty, $"The write load did not get going: {string.Join("; ", unexpected)}");

            var unavailableBefore = Volatile.Read(ref unavailable);
            await server.StopAsync();
            (await Probe.SendAsync(client, HttpMethod.Post, "/api/v1/products", "{\"title\":\"t\",\"description\":\"d\",\"sku\":\"DOWN-1\",\"price\":1}"))
                .AssertUnavailable("create while down");
            (await Probe.SendAsync(client, HttpMethod.Get, "/api/v1/products/search?q=restart")).AssertUnavailable("search while down");
            (await Probe.SendAsync(client, HttpMethod.Get, "/api/v1/categories")).AssertUnavailable("list while down");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Probe.SendAsync(client, HttpMethod.Get, "/health/ready")).Status);
            // The database stays down until the write load itself has met the outage several times.
            Assert.True(await WaitUntilAsync(() => Volatile.Read(ref unavailable) >= unavailableBefore + 20, TimeSpan.FromSeconds(30)),
                $"The writers did not get 503s while the database was down ({unavailable - unavailableBefore} so far).");

            server = await EmbeddedPostgres.StartAsync(settings, NullLogger.Instance, default);
            var before = acknowledged.Count;
            var recovered = await WaitUntilAsync(() => acknowledged.Count >= before + 20, TimeSpan.FromSeconds(30));

            output.WriteLine($"writes acknowledged after restart: {acknowledged.Count - before}");
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(recovered, "The catalog did not recover after the database restarted.");
            Assert.Equal(HttpStatusCode.OK, (await Probe.SendAsync(client, HttpMethod.Get, "/health/ready")).Status);
            Assert.Empty(unexpected);

            await using (var connection = new NpgsqlConnection(server.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT id, sku FROM products", connection);
                await using var reader = await command.ExecuteReaderAsync();
                var stored = new Dictionary<long, string>();
                while (await reader.ReadAsync())
                {
                    stored[reader.GetInt64(0)] = reader.GetString(1);
                }

                Assert.All(acknowledged, write => Assert.Equal(write.Value, stored.GetValueOrDefault(write.Key)));
            }

            foreach (var id in acknowledged.Keys.Take(50))
            {
                Assert.Equal(HttpStatusCode.OK, (await Probe.SendAsync(client, HttpMethod.Get, $"/api/v1/products/{id}")).Status);
            }

            output.WriteLine($"{acknowledged.Count} acknowledged writes checked, {unavailable} answers were 503");
        }
        finally
        {
            await server.StopAsync();
        }
    }

    /// <summary>Checks <paramref name="condition"/> until it holds (true) or <paramref name="within"/> has passed (false).</summary>
    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        return true;
    }
}
