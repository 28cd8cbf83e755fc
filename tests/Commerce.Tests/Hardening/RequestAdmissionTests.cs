using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Commerce.ReadModel;
using Commerce.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Tests.Hardening;

/// <summary>
/// API requests take turns (Admission:Concurrency at once, the rest oldest first, at most Admission:QueueLimit
/// waiting): one beyond the queue is a 503 with Retry-After at once, a client that gives up leaves the queue, and
/// probes and scrapes never wait.
/// </summary>
public sealed class RequestAdmissionTests
{
    [Fact]
    public async Task Requests_beyond_the_turns_wait_and_beyond_the_queue_are_refused_while_probes_pass()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: new Dictionary<string, string>
        {
            ["Admission:Concurrency"] = "1",
            ["Admission:QueueLimit"] = "2",
            ["Search:Concurrency"] = "1",
        });
        var client = catalog.Client;
        var product = (await client.CreateProductAsync("Queue keeper")).Id();
        var meters = catalog.Services.GetRequiredService<IMeterFactory>();
        using var waiting = new WaitingGauge(meters, CatalogMeter.RequestsWaiting);
        using var searchesWaiting = new WaitingGauge(meters, CatalogMeter.SearchWaiting);
        Assert.Equal(0, waiting.Read());

        // The test holds the only search turn, so a search holds the only request turn until it is given back.
        var searchTurn = await catalog.Services.GetRequiredService<SearchTurns>().WaitAsync(CancellationToken.None);
        var search = client.GetAsync("/api/v1/products/search?q=Queue");
        await searchesWaiting.UntilAsync(1);
        var first = client.GetAsync($"/api/v1/products/{product}");
        await waiting.UntilAsync(1);
        var second = client.GetAsync($"/api/v1/products/{product}");
        await waiting.UntilAsync(2);

        using var refused = await client.GetAsync($"/api/v1/products/{product}").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["status"]!.GetValue<int>());

        // Probes and scrapes do not queue behind the API.
        using (var live = await client.GetAsync("/health/live").WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        using (var metrics = await client.GetAsync("/metrics").WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        }

        Assert.False(search.IsCompleted);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Equal(2, waiting.Read());

        searchTurn.Dispose();
        using (var found = await search.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            Assert.Equal(1, JsonNode.Parse(await found.Content.ReadAsStringAsync())!["total"]!.GetValue<long>());
        }

        foreach (var queued in new[] { first, second })
        {
            using var read = await queued.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        Assert.Equal(0, waiting.Read());
    }

    [Fact]
    public async Task A_client_that_gives_up_while_waiting_leaves_the_queue()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: new Dictionary<string, string>
        {
            ["Admission:Concurrency"] = "1",
            ["Admission:QueueLimit"] = "1",
            ["Search:Concurrency"] = "1",
        });
        var client = catalog.Client;
        var product = (await client.CreateProductAsync("Patient shopper")).Id();
        var meters = catalog.Services.GetRequiredService<IMeterFactory>();
        using var waiting = new WaitingGauge(meters, CatalogMeter.RequestsWaiting);
        using var searchesWaiting = new WaitingGauge(meters, CatalogMeter.SearchWaiting);

        var searchTurn = await catalog.Services.GetRequiredService<SearchTurns>().WaitAsync(CancellationToken.None);
        var search = client.GetAsync("/api/v1/products/search?q=Patient");
        await searchesWaiting.UntilAsync(1);
        using var giveUp = new CancellationTokenSource();
        var impatient = client.GetAsync($"/api/v1/products/{product}", giveUp.Token);
        await waiting.UntilAsync(1);

        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        await waiting.UntilAsync(0);

        // Its place is free again: the next request waits instead of being refused.
        var next = client.GetAsync($"/api/v1/products/{product}");
        await waiting.UntilAsync(1);
        searchTurn.Dispose();
        using (var found = await search.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        }

        using var read = await next.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Without_a_concurrency_every_request_goes_in_at_once()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: new Dictionary<string, string>
        {
            ["Admission:Concurrency"] = "0",
            ["Admission:QueueLimit"] = "0",
            ["Search:Concurrency"] = "1",
        });
        var client = catalog.Client;
        var product = (await client.CreateProductAsync("Open door")).Id();

        var searchTurn = await catalog.Services.GetRequiredService<SearchTurns>().WaitAsync(CancellationToken.None);
        var searches = Enumerable.Range(0, 32).Select(_ => client.GetAsync("/api/v1/products/search?q=Open")).ToList();
        var reads = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.GetAsync($"/api/v1/products/{product}")))
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(reads, read => Assert.Equal(HttpStatusCode.OK, read.StatusCode));
        Assert.All(searches, pending => Assert.False(pending.IsCompleted));

        searchTurn.Dispose();
        var found = await Task.WhenAll(searches).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(found, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
    }
}
