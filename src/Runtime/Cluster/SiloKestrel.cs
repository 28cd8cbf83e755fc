using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace Commerce.Runtime.Cluster;

public static class SiloKestrel
{
    /// <summary>
    /// Adds the silo's HTTP/2 endpoint next to the process's own URLs. Kestrel ignores <c>--urls</c> once any
    /// endpoint is configured in code, so those URLs are bound here too.
    /// </summary>
    public static WebApplicationBuilder UseSiloEndpoint(this WebApplicationBuilder builder, SiloEndpoint endpoint)
    {
        var urls = builder.Configuration["urls"]
            ?? (builder.Configuration["http_ports"] is { Length: > 0 } ports
                ? string.Join(';', ports.Split(';').Select(p => $"http://*:{p}"))
                : "http://localhost:5000");
        // The URLs are bound below; leaving them set as well only earns a warning that they are overridden.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Empty);
        builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, string.Empty);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Listen(kestrel, url);
            }

            kestrel.Listen(IPAddress.Parse(endpoint.ListenAddress), endpoint.Port, listen => listen.Protocols = HttpProtocols.Http2);
        });
        return builder;
    }

    private static void Listen(KestrelServerOptions kestrel, string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var hostAndPort = url[(schemeEnd + 3)..].TrimEnd('/');
        var colon = hostAndPort.LastIndexOf(':');
        var host = hostAndPort[..colon];
        var port = int.Parse(hostAndPort[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Only http:// URLs are supported next to a silo endpoint, not '{url}'. Terminate TLS in front.");
        }

        if (host is "localhost")
        {
            kestrel.ListenLocalhost(port);
        }
        else if (host is "*" or "+" or "0.0.0.0" or "[::]")
        {
            kestrel.ListenAnyIP(port);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(host.Trim('[', ']')), port);
        }
    }
}
