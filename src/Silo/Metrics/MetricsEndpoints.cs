using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Silo.Metrics;

public static class MetricsEndpoints
{
    /// <summary><c>GET /metrics</c> in Prometheus text format.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder routes)
    {
        // Resolved now, not at the first scrape, so the listener counts traffic from the start.
        routes.ServiceProvider.GetRequiredService<MetricsCollector>();
        routes.MapGet("/metrics", (MetricsCollector collector) =>
            Results.Text(PrometheusTextWriter.Write(collector.Collect()), PrometheusTextWriter.ContentType))
            .ExcludeFromDescription();
        return routes;
    }
}
