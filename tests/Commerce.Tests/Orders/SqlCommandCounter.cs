using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace Commerce.Tests.Orders;

/// <summary>
/// Counts the SQL commands Npgsql runs for one HTTP request: Npgsql starts an activity per command, and the request
/// carries a <c>traceparent</c> of its own, so the commands of other tests and background work do not count.
/// </summary>
public sealed class SqlCommandCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<SqlCommandRecord>> _commands = new();

    public SqlCommandCounter()
    {
        _listener = new ActivityListener
        {
            // The request's activity must exist for Npgsql's to join its trace.
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && _commands.TryGetValue(activity.TraceId, out var commands))
                {
                    commands.Enqueue(new SqlCommandRecord(
                        activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName,
                        activity.GetTagItem("db.npgsql.connection_id")));
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>
    /// Whether the command is the price band counts' read (PriceBands): once per process, by its first search that
    /// needs them, so which request runs it depends on the tests before.
    /// </summary>
    public static bool ReadsPriceBands(string sql) => sql.Contains("FROM price_bands", StringComparison.Ordinal);

    /// <summary>Sends a GET in a trace of its own and returns its response and the SQL commands it ran.</summary>
    public async Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> GetAsync(HttpClient client, string url)
    {
        var (response, commands) = await TraceAsync(client, url);
        return (response, [.. commands.Select(command => command.Text)]);
    }

    /// <summary>As <see cref="GetAsync"/>, with the Npgsql connection each command ran on.</summary>
    public async Task<(HttpResponseMessage Response, IReadOnlyList<SqlCommandRecord> Commands)> TraceAsync(HttpClient client, string url)
    {
        var trace = ActivityTraceId.CreateRandom();
        var commands = _commands.GetOrAdd(trace, _ => new ConcurrentQueue<SqlCommandRecord>());
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return (response, [.. commands]);
    }

    /// <summary>As <see cref="GetAsync"/> for a request that must answer 200: its JSON body and the SQL commands it ran.</summary>
    public async Task<(JsonNode Page, IReadOnlyList<string> Commands)> GetJsonAsync(HttpClient client, string url)
    {
        var (response, commands) = await GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!, commands);
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>One SQL command: its text and the id of the Npgsql connection it ran on.</summary>
public sealed record SqlCommandRecord(string Text, object? Connection);
