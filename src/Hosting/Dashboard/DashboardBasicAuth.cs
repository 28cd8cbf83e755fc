using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Commerce.Hosting.Dashboard;

/// <summary>
/// HTTP basic auth on every dashboard endpoint (page, assets and the JSON it polls) when credentials are configured.
/// Browsers ask for the login themselves on the 401, and resend it on the page's own requests.
/// </summary>
internal sealed class DashboardBasicAuth(IOptions<DashboardLoginOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var login = options.Value;
        if (!login.RequiresLogin || IsAuthorized(context.HttpContext.Request, login))
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"dashboard\", charset=\"UTF-8\"";
        return TypedResults.Unauthorized();
    }

    private static bool IsAuthorized(HttpRequest request, DashboardLoginOptions login)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var decoded = new byte[header.Length];
        if (!Convert.TryFromBase64String(header[6..].Trim(), decoded, out var length))
        {
            return false;
        }

        // Fixed-time comparison, so response timing does not leak how much of a guess was right.
        var expected = Encoding.UTF8.GetBytes($"{login.Username}:{login.Password}");
        return CryptographicOperations.FixedTimeEquals(decoded.AsSpan(0, length), expected);
    }
}
