using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Commerce.WebApi.Dashboard;

/// <summary>Guards the dashboard group with HTTP basic auth when credentials are configured.</summary>
public sealed class DashboardBasicAuth(IOptions<DashboardOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var settings = options.Value;
        if (!settings.RequiresLogin || IsAuthorized(context.HttpContext.Request, settings))
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"dashboard\", charset=\"UTF-8\"";
        return TypedResults.Unauthorized();
    }

    private static bool IsAuthorized(HttpRequest request, DashboardOptions settings)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[header.Length];
        if (!Convert.TryFromBase64String(header[6..].Trim(), decoded, out var length))
        {
            return false;
        }

        // Fixed-time comparison, so response timing does not leak how much of a guess was right.
        var expected = Encoding.UTF8.GetBytes($"{settings.Username}:{settings.Password}");
        return CryptographicOperations.FixedTimeEquals(decoded[..length], expected);
    }
}
