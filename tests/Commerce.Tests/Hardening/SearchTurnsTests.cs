using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Commerce.ReadModel;
using Commerce.Tests.Api;
using Commerce.Tests.Orders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commerce.Tests.Hardening;

/// <summary>
/// Searches take turns (Search:Concurrency at once, the rest oldest first), so a busy database serves them in
/// arrival order rather than time-slicing them all; a search that cannot get a turn within Search:QueueTimeout is a
/// 503 with Retry-After, and nothing else waits on the search turns.
/// </summary>
public sealed class SearchTurnsTests
{
    [Fact]
    public async Task Waiting_searches_get_their_turns_oldest_first_and_are_counted()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var turns = new SearchTurns(Options.Create(new SearchOptions { Concurrency = 2, QueueTimeout = TimeSpan.FromMinutes(1) }), meters);
        using var waitingGauge = new WaitingGauge(meters, CatalogMeter.SearchWaiting);

        var first = await turns.WaitAsync(CancellationToken.None);
        var second = await turns.WaitAsync(CancellationToken.None);
        Assert.Equal(0, waitingGauge.Read());
        var waiting = Enumerable.Range(0, 3).Select(_ => turns.WaitAsync(CancellationToken.None).AsTask()).ToList();
        await Task.Delay(100);
        Assert.All(waiting, turn => Assert.False(turn.IsCompleted));
        Assert.Equal(3, waitingGauge.Read());

        first.Dispose();
        var third = await waiting[0].WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(100);
        Assert.False(waiting[1].IsCompleted);
        Assert.False(waiting[2].IsCompleted);
        Assert.Equal(2, waitingGauge.Read());

        second.Dispose();
        var fourth = await waiting[1].WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(waiting[2].IsCompleted);
        third.Dispose();
        (await waiting[2].WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        fourth.Dispose();
    }

    [Fact]
    public async Task A_search_that_waits_past_the_queue_timeout_is_a_503_and_other_requests_do_not_wait()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: new Dictionary<string, string>
        {
            ["Search:Concurrency"] = "1",
            ["Search:QueueTimeout"] = "00:00:01",
        });
        var client = catalog.Client;
        var product = (await client.CreateProductAsync("Turn taker")).Id();
        var turns = catalog.Services.GetRequiredService<SearchTurns>();

        var held = await turns.WaitAsync(CancellationToken.None);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var waiting = client.GetAsync("/api/v1/products/search?q=Turn");
        // A product read does not take a search turn.
        (await client.ApiGetAsync($"/api/v1/products/{product}")).AssertStatus(HttpStatusCode.OK);
        Assert.False(waiting.IsCompleted);

        using var refused = await waiting;
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["status"]!.GetValue<int>());

        // Given back, the turn serves the next search.
        held.Dispose();
        var found = await client.ApiGetAsync("/api/v1/products/search?q=Turn");
        found.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(1, found.Json["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_search_keeps_one_connection_for_all_its_statements_while_the_pool_is_contended()
    {
        // Two connections for 24 searches at once: a search that gave its connection back between its statements would
        // often get the other one for the next.
        await using var catalog = await IsolatedCatalog.StartAsync(settings: new Dictionary<string, string>
        {
            ["Database:MaxPoolSize"] = "2",
            ["Search:Concurrency"] = "24",
        });
        var client = catalog.Client;
        for (var i = 0; i < 6; i++)
        {
            await client.CreateProductAsync($"Жук {i}");
        }

        using var counter = new SqlCommandCounter();
        // A short term alone reads its kept total, then its page: two statements.
        var searches = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => counter.TraceAsync(client, "/api/v1/products/search?q=ж&limit=2")));
        foreach (var (response, commands) in searches)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(2, commands.Count);
            Assert.NotNull(commands[0].Connection);
            Assert.Equal(commands[0].Connection, commands[1].Connection);
        }

        Assert.Equal(2, searches.SelectMany(search => search.Commands).Select(command => command.Connection).Distinct().Count());
    }
}
