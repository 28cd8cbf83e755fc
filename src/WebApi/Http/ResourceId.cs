using System.Globalization;

namespace Commerce.WebApi.Http;

/// <summary>Ids in paths. Anything that is not a positive 64-bit integer names no resource, so it is a 404.</summary>
public static class ResourceId
{
    public static long? Parse(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
