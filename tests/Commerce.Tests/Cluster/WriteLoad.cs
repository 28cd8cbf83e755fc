using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Commerce.Tests.Cluster;

/// <summary>
/// Workers that each create a product and then raise its price three times, over and over, through one front-end,
/// recording what was acknowledged, what failed and how long a run of successes has lasted.
/// </summary>
internal sealed class WriteLoad(HttpClient http, string baseUrl)
{
    private volatile bool _stopping;
    private readonly ConcurrentBag<FailedRequest> _failures = [];
    private int _requests;
    private int _streak;

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public ConcurrentDictionary<long, AcknowledgedProduct> Products { get; } = new();

    public IReadOnlyCollection<FailedRequest> Failures => _failures;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests that succeeded since the last failure (or the last reset).</summary>
    public int Streak => Volatile.Read(ref _streak);

    public void ResetStreak() => Interlocked.Exchange(ref _streak, 0);

    public Task RunAsync(int workers) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() => WorkAsync(worker))));

    public async Task StopAsync(Task running)
    {
        _stopping = true;
        await running;
    }

    public static async Task<LoadAnswer> SendAsync(HttpClient http, HttpMethod method, string url, string? json)
    {
        try
        {
            using var request = new HttpRequestMessage(method, url);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return new LoadAnswer(response.StatusCode, body.Length > 0 ? JsonNode.Parse(body) : null, response.Headers.RetryAfter?.ToString());
        }
        catch (HttpRequestException)
        {
            // The front-end itself did not answer: no status a client could act on.
            return new LoadAnswer(HttpStatusCode.BadGateway, null, null);
        }
    }

    private async Task WorkAsync(int worker)
    {
        for (var n = 0; !_stopping; n++)
        {
            var sku = $"CRASH-{worker}-{n}-{Guid.NewGuid():N}"[..40].ToUpperInvariant();
            var created = await RequestAsync(HttpMethod.Post, "/api/v1/products",
                $$"""{"title":"Crash {{n}}","description":"d","sku":"{{sku}}","price":"1.00"}""", HttpStatusCode.Created);
            if (created is null)
            {
                continue;
            }

            var id = created["id"]!.GetValue<long>();
            var product = Products[id] = new AcknowledgedProduct(sku, "1.00", []);
            for (var price = 2; price <= 4; price++)
            {
                var value = price.ToString(CultureInfo.InvariantCulture) + ".00";
                if (await RequestAsync(HttpMethod.Patch, $"/api/v1/products/{id}", $$"""{"price":"{{value}}"}""", HttpStatusCode.OK) is null)
                {
                    // Outcome unknown: the stored price may be this one, but never an older acknowledged one.
                    Products[id] = product with { UnknownPrices = [.. product.UnknownPrices, value] };
                    break;
                }

                product = Products[id] = product with { AcknowledgedPrice = value };
            }
        }
    }

    /// <summary>The answer's JSON when it has the expected status; otherwise records the failure and returns null.</summary>
    private async Task<JsonNode?> RequestAsync(HttpMethod method, string path, string json, HttpStatusCode expected)
    {
        var started = Clock.Elapsed;
        var answer = await SendAsync(http, method, baseUrl + path, json);
        Interlocked.Increment(ref _requests);
        if (answer.Status == expected)
        {
            Interlocked.Increment(ref _streak);
            return answer.Json;
        }

        _failures.Add(new FailedRequest(answer.Status, answer.RetryAfter, started, Clock.Elapsed - started));
        Interlocked.Exchange(ref _streak, 0);
        return null;
    }
}
