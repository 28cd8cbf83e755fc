using Commerce.WebApi.Errors;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Commerce.WebApi.Security;

/// <summary>
/// <c>RateLimiting:PermitsPerSecond</c> requests per second per client IP (a token bucket, so short bursts up to
/// that many pass); beyond it 429 problem details with Retry-After. 0 leaves every request through (the middleware is
/// not used then, see <see cref="SecurityExtensions.UseCatalogSecurity"/>).
/// </summary>
internal static class ClientRateLimiting
{
    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, options) =>
        {
            var permits = options.Value.PermitsPerSecond;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsOperations(context.Request.Path)
                ? RateLimitPartition.GetNoLimiter("operations")
                : RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = permits,
                    TokensPerPeriod = permits,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, _) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await ProblemResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too Many Requests",
                    $"At most {permits} requests per second per client; retry after {retryAfter} s.");
            };
        });
        return services;
    }

    // Probes and scrapes come from a few addresses at a steady pace; limiting them would only cause false alarms.
    private static bool IsOperations(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
