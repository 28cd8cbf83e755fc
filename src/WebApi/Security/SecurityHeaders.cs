namespace Commerce.WebApi.Security;

/// <summary>
/// Standard hardening headers on every response, errors included. The API serves only JSON, so its policy
/// allows nothing; Swagger UI and the dashboard are pages with their own scripts and styles, so they get a
/// policy that allows those from this origin (and the inline bits Swagger UI needs) but still no framing.
/// </summary>
internal static class SecurityHeaders
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    private const string PagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var path = context.Request.Path;
        var policy = path.StartsWithSegments("/swagger") || path.StartsWithSegments("/dashboard") ? PagePolicy : ApiPolicy;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = policy;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
