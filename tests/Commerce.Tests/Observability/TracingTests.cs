using System.Diagnostics;
using System.Net;
using System.Text;
using Commerce.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Commerce.Tests.Observability;

/// <summary>One trace runs from the front-end's HTTP request over the gateway to the silo, its grain call and its SQL.</summary>
[Collection(SplitDeploymentGroup.Name)]
public sealed class TracingTests(SplitDeployment deployment)
{
    private const string AspNetCore = "Microsoft.AspNetCore";
    private const string OrleansApplication = "Microsoft.Orleans.Application";

    [Fact]
    public async Task A_request_is_one_trace_from_http_through_the_grain_call_on_the_silo_to_sql()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/products")
        {
            Content = new StringContent($$"""{"title":"Traced","description":"d","sku":"{{Unique.Sku()}}","price":"1.00"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpan}-01");
        using var response = await deployment.FrontEnd.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // The HTTP span ends after the response is written, so it may still be open here.
        await SplitDeployment.WaitForAsync(
            () => Task.FromResult(deployment.Spans.InTrace(traceId).Any(s => s.Source.Name == AspNetCore)), "the HTTP span to end");

        var trace = deployment.Spans.InTrace(traceId);
        var http = Assert.Single(trace, s => s.Source.Name == AspNetCore);
        Assert.Equal(callerSpan, http.ParentSpanId);
        var send = Assert.Single(trace, s => IsProductCreate(s) && s.Kind == ActivityKind.Client);
        var run = Assert.Single(trace, s => IsProductCreate(s) && s.Kind == ActivityKind.Server);
        Assert.True(IsDescendant(send, http, trace), Describe("the grain call does not descend from the HTTP request", trace));
        Assert.Equal(send.SpanId, run.ParentSpanId);
        Assert.True(trace.Any(s => s.Source.Name == "Npgsql" && IsDescendant(s, run, trace)), Describe("no SQL under the grain call", trace));
    }

    [Fact]
    public async Task Traces_are_exported_to_the_configured_otlp_endpoint()
    {
        Assert.NotNull(deployment.FrontEnd.Services.GetService<TracerProvider>());
        (await deployment.FrontEnd.Client.ApiGetAsync("/api/v1/products/search?q=exported")).AssertStatus(HttpStatusCode.OK);

        await SplitDeployment.WaitForAsync(
            () => Task.FromResult(deployment.Collector.BytesBySignal.GetValueOrDefault("traces") > 0), "an OTLP trace export");
    }

    private static bool IsProductCreate(Activity span) =>
        span.Source.Name == OrleansApplication && span.GetTagItem("rpc.method") is string method &&
        method.Contains("IProductGrain", StringComparison.Ordinal) && method.EndsWith("/CreateAsync", StringComparison.Ordinal);

    private static bool IsDescendant(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
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

    private static string Describe(string problem, IReadOnlyList<Activity> trace) =>
        problem + ":\n" + string.Join('\n', trace.Select(s => $"{s.SpanId} <- {s.ParentSpanId} {s.Source.Name} {s.Kind} {s.DisplayName}"));
}
