using System.Globalization;

namespace Commerce.WebApi.Json;

/// <summary>Timestamps on the wire: ISO-8601 UTC with microseconds, so updated_at visibly moves on every change.</summary>
public static class ApiTime
{
    /// <summary>
    /// The same text as the custom format <c>yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'</c>, which a page of products pays for
    /// twice a row: the round-trip format "O" has the runtime's fast path and writes seven fraction digits of a UTC
    /// time, and dropping the seventh truncates exactly as "ffffff" does.
    /// </summary>
    public static string Format(DateTimeOffset value)
    {
        Span<char> roundTrip = stackalloc char[28];
        value.UtcDateTime.TryFormat(roundTrip, out _, "O", CultureInfo.InvariantCulture);
        roundTrip[26] = 'Z';
        return new string(roundTrip[..27]);
    }
}
