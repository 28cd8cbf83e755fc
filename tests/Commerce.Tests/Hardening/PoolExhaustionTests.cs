using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Commerce.Tests.Hardening;

/// <summary>With a pool of two connections and a one-second wait, searches succeed or get a 503 quickly; none hangs.</summary>
[Collection(FaultTestGroup.Name)]
public sealed class PoolExhaustionTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> TinyPool = new()
    {
        ["Database:MaxPoolSize"] = "2",
        ["Database:ConnectionTimeout"] = "00:00:01",
    };

    [Fact]
    public async Task Searches_on_an_exhausted_pool_get_503_within_a_bounded_time()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: TinyPool);
        var client = catalog.Client;
        Assert.Equal(HttpStatusCode.OK, (await Probe.SendAsync(client, HttpMethod.Get, "/api/v1/products/search?q=x")).Status);

        var pool = catalog.Services.GetRequiredService<NpgsqlDataSource>();
        var held = new List<NpgsqlConnection>();
        for (var i = 0; i < 2; i++)
        {
            held.Add(await pool.OpenConnectionAsync());
        }

        var blocked = await AllAnsweredWithinAsync(TimeSpan.FromSeconds(15), "10 searches on a held pool",
            Enumerable.Range(0, 10).Select(_ => Probe.SendAsync(client, HttpMethod.Get, "/api/v1/products/search?q=x")));
        Assert.All(blocked, probe => probe.AssertUnavailable("search on an exhausted pool"));

        foreach (var connection in held)
        {
            await connection.DisposeAsync();
        }

        var burst = await AllAnsweredWithinAsync(TimeSpan.FromSeconds(30), "100 parallel searches", Enumerable.Range(0, 100).Select(i =>
            Probe.SendAsync(client, HttpMethod.Get, $"/api/v1/products/search?q=burst{i % 7}&min_price=0")));
        output.WriteLine($"100 parallel searches: {burst.Count(p => p.Status == HttpStatusCode.OK)} ok, " +
            $"{burst.Count(p => p.Status == HttpStatusCode.ServiceUnavailable)} 503");
        Assert.All(burst, probe =>
        {
            if (probe.Status != HttpStatusCode.OK)
            {
                probe.AssertUnavailable("search in a burst");
            }
        });
        Assert.Equal(HttpStatusCode.OK, (await Probe.SendAsync(client, HttpMethod.Get, "/api/v1/products/search?q=x")).Status);
    }

    /// <summary>The answers to <paramref name="requests"/>, failing the test if any is still unanswered after <paramref name="bound"/> (it hangs).</summary>
    private static async Task<Probe[]> AllAnsweredWithinAsync(TimeSpan bound, string what, IEnumerable<Task<Probe>> requests)
    {
        try
        {
            return await Task.WhenAll(requests).WaitAsync(bound);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{what}: not all answered within {bound.TotalSeconds} s");
            throw;
        }
    }
}
