namespace Commerce.WebApi.Http;

/// <summary>Why an If-Match header can never match, so the 412 can say so instead of blaming the resource.</summary>
public enum IfMatchFlaw
{
    None,
    Malformed,
    OnlyWeakTags,
}

/// <summary>A parsed If-Match header.</summary>
public sealed record IfMatch(bool IsPresent, bool MatchesAny, IReadOnlyList<long> Versions, string Header = "", IfMatchFlaw Flaw = IfMatchFlaw.None)
{
    public static IfMatch None { get; } = new(false, false, []);

    /// <summary>
    /// The version to hand the grain, which checks it in the same turn as the change. Version 0 never exists,
    /// so a tag that cannot match becomes 0 and the grain answers 412.
    /// </summary>
    public async Task<long?> ExpectedVersionAsync(Func<Task<long?>> currentVersion)
    {
        if (!IsPresent || MatchesAny)
        {
            return null;
        }

        if (Versions.Count <= 1)
        {
            return Versions.Count == 1 ? Versions[0] : 0;
        }

        var current = await currentVersion();
        return current is { } version && Versions.Contains(version) ? version : 0;
    }

    /// <summary>The detail of the 412 for <paramref name="resource"/> (such as "product 7"): what was wrong with this header.</summary>
    public string MismatchDetail(string resource) => Flaw switch
    {
        IfMatchFlaw.Malformed =>
            $"If-Match: {Header} is not a valid entity tag; send the ETag of {resource} exactly as a GET returned it, such as \"3\".",
        IfMatchFlaw.OnlyWeakTags =>
            $"If-Match: {Header} holds only weak tags, which never match a change (RFC 9110 strong comparison); " +
            $"send the ETag of {resource} exactly as a GET returned it, such as \"3\".",
        _ => $"If-Match: {Header} does not match the current ETag of {resource}; GET it for the current one.",
    };
}
