using System.Globalization;

namespace Commerce.WebApi.Json;

/// <summary>Timestamps on the wire: ISO-8601 UTC with microseconds, so updated_at visibly moves on every change.</summary>
public static class ApiTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
