
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Commerce.Hosting.Telemetry;

public static class TracingServiceCollectionExtensions
{
    /// <summary>
    /// Exports spans over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: HTTP requests (ASP.NET Core),
    /// calls between silos (HttpClient), grain calls (the runtime) and SQL (Npgsql). Without the variable
    /// nothing listens, and creating spans costs next to nothing.
    /// </summary>
    public static IServiceCollection AddCatalogTracing(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }

        // OpenTelemetry.Extensions.Hosting is not in our feed, so the provider is built here and disposed (flushed) with the container.
        services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(configuration["OTEL_SERVICE_NAME"] ?? serviceName))
            .AddSource("Microsoft.AspNetCore", "System.Net.Http", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Npgsql")
            .AddOtlpExporter()
            .Build());
        services.AddHostedService<TracerProviderStarter>();
        return services;
    }
}

/// <summary>Resolves the tracer provider at start, so spans are exported from the first request on.</summary>
internal sealed class TracerProviderStarter(TracerProvider provider) : Microsoft.Extensions.Hosting.IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(provider);

    public Task StopAsync(CancellationToken cancellationToken)
    {
        provider.ForceFlush(5000);
        return Task.CompletedTask;
    }
}
