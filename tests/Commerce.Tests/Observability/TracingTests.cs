using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Commerce.Runtime.Diagnostics;
using Commerce.Tests.Api;
using Commerce.Tests.Cluster;

namespace Commerce.Tests.Observability;

/// <summary>One trace runs from the front-end's HTTP request over the wire to the owning silo, its grain call and its SQL.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task A_request_is_one_trace_from_http_through_the_grain_call_on_another_silo_to_sql()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "System.Net.Http" or RuntimeTracing.SourceName or "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var cluster = await TestCluster.StartAsync(2);
        var (client, _) = await cluster.AddFrontEndAsync();

        var traceId = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/products")
        {
            Content = new StringContent($$"""{"title":"Traced","description":"d","sku":"{{Unique.Sku()}}","price":1}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpan}-01");
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        await TestCluster.WaitAsync(() => spans.Count(s => s.TraceId == traceId && s.Source.Name == "Microsoft.AspNetCore") == 2, "both HTTP spans to end");

        var trace = spans.Where(s => s.TraceId == traceId).ToList();
        var send = Assert.Single(trace, s => s.Source.Name == RuntimeTracing.SourceName && s.Kind == ActivityKind.Client);
        var run = Assert.Single(trace, s => s.Source.Name == RuntimeTracing.SourceName && s.Kind == ActivityKind.Internal);
        var httpSpans = trace.Where(s => s.Source.Name == "Microsoft.AspNetCore").ToList();
        Assert.Equal(2, httpSpans.Count); // the front-end's request and the silo's request for the call
        var frontEndRequest = Assert.Single(httpSpans, s => s.ParentSpanId == callerSpan);
        var siloRequest = Assert.Single(httpSpans, s => s != frontEndRequest);
        Assert.Equal(siloRequest.SpanId, run.ParentSpanId);
        Assert.True(IsDescendant(siloRequest, send, trace), "the silo's request span does not descend from the sending span");
        Assert.True(IsDescendant(send, frontEndRequest, trace), "the sending span does not descend from the front-end's request");
        Assert.Contains(trace, s => s.Source.Name == "Npgsql" && s.ParentSpanId == run.SpanId);
        Assert.Equal("product", run.GetTagItem("grain.type"));
    }

    private static bool IsDescendant(Activity span, Activity ancestor, List<Activity> trace)
    {
        for (var current = span; current is not null; current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }
}
