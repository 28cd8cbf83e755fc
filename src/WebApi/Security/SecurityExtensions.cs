using Microsoft.Extensions.Options;

namespace Commerce.WebApi.Security;

/// <summary>Registers the API's security basics: headers, optional API key for writes, optional rate limit.</summary>
public static class SecurityExtensions
{
    public static IHostApplicationBuilder AddCatalogSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection(SecurityOptions.Section)).ValidateOnStart();
        builder.Services.AddOptions<RateLimitingOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddClientRateLimiting();
        return builder;
    }

    /// <summary>
    /// After the exception handler, so refusals are problem details; before the endpoints. With the limit off (the
    /// default) the rate limiter is not in the pipeline at all: it would still look up a partition under its lock and
    /// record its metrics for every request.
    /// </summary>
    public static IApplicationBuilder UseCatalogSecurity(this IApplicationBuilder app)
    {
        app.UseSecurityHeaders();
        if (app.ApplicationServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value.PermitsPerSecond > 0)
        {
            app.UseRateLimiter();
        }

        return app.UseApiKeyForWrites();
    }
}
