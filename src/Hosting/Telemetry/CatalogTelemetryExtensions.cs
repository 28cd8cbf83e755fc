using Commerce.ReadModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Commerce.Hosting.Telemetry;

public static class CatalogTelemetryExtensions
{
    /// <summary>
    /// Metrics (Orleans, ASP.NET Core, HttpClient, runtime, Npgsql and the catalog's own) for the Prometheus scrape;
    /// with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, also traces that follow a request through grain calls on any silo
    /// down to its SQL, exported with the metrics and logs over OTLP. Call after the process's Orleans role is chosen.
    /// </summary>
    public static IHostApplicationBuilder AddCatalogTelemetry(this IHostApplicationBuilder builder)
    {
        // Grain calls start spans when something listens, and carry the trace context to the silo that runs them.
        builder.ConfigureOrleansRole(silo => silo.AddActivityPropagation(), client => client.AddActivityPropagation());
        var serviceName = builder.Configuration[TelemetryNames.ServiceNameVariable] ?? builder.Environment.ApplicationName;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddMeter(TelemetryNames.OrleansMeter, CatalogMeter.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());

        builder.Services.AddOptions<ReservationsGaugeOptions>()
            .Bind(builder.Configuration.GetSection(ReservationsGaugeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<ReservationsGauge>();

        // Without a trace exporter nobody reads spans, and recording them costs every request; so no tracer then.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[TelemetryNames.OtlpEndpointVariable]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(TelemetryNames.OrleansRuntimeSource, TelemetryNames.OrleansApplicationSource)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsql())
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary><c>/metrics</c> in Prometheus text format.</summary>
    public static IEndpointConventionBuilder MapCatalogMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint();
}
