namespace Commerce.Grains.Interfaces.Validation;

/// <summary>An image URL is an absolute http(s) URL with a host, at most 2083 characters, kept exactly as sent.</summary>
public static class ImageUrlRules
{
    public const int MaxLength = 2083;

    /// <returns>An error message, or null when the URL is acceptable.</returns>
    public static string? Check(string url)
    {
        if (url.Length == 0)
        {
            return "must be an absolute http or https URL, or null.";
        }

        if (url.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters long.";
        }

        // Uri would quietly trim or escape these, and then the URL would not come back exactly as sent.
        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || !CatalogText.IsWellFormed(url))
        {
            return "must not contain spaces or control characters.";
        }

        var isWebUrl = Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host);
        return isWebUrl ? null : "must be an absolute http or https URL with a host.";
    }
}
