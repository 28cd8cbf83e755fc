using System.ComponentModel.DataAnnotations;

namespace Commerce.WebApi.Security;

/// <summary>Optional protections of the API, off unless configured.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>When set, POST, PATCH, PUT and DELETE must send it in <c>X-Api-Key</c>; reads stay open.</summary>
    public string? ApiKey { get; set; }
}

/// <summary>Per-client request rate limit.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Requests per second per client IP address; 0 turns limiting off.</summary>
    [Range(0, 1_000_000)]
    public int PermitsPerSecond { get; set; }
}
