using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Commerce.WebApi.Http;

/// <summary>ETags are the resource's version as a strong tag: <c>"7"</c>.</summary>
public static class EntityTags
{
    public static string For(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static void Set(HttpResponse response, long version) => response.Headers.ETag = For(version);

    /// <summary>What If-Match asks for: no condition, any current version (<c>*</c>), or one of these versions.</summary>
    public static IfMatch ParseIfMatch(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return IfMatch.None;
        }

        var header = values.ToString();
        if (!EntityTagHeaderValue.TryParseList(values, out var tags) || tags.Count == 0)
        {
            return new IfMatch(true, false, [], header, IfMatchFlaw.Malformed);
        }

        if (tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
        {
            return new IfMatch(true, true, [], header);
        }

        // If-Match uses strong comparison: a weak tag never matches.
        var versions = tags
            .Where(tag => !tag.IsWeak)
            .Select(tag => long.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1)
            .Where(v => v > 0)
            .ToArray();
        return new IfMatch(true, false, versions, header, tags.All(tag => tag.IsWeak) ? IfMatchFlaw.OnlyWeakTags : IfMatchFlaw.None);
    }
}
