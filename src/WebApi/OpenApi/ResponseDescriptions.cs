namespace Commerce.WebApi.OpenApi;

/// <summary>What each status means in this API, as the document's response descriptions say it.</summary>
public static class ResponseDescriptions
{
    public static IReadOnlyDictionary<int, string> ByStatus { get; } = new Dictionary<int, string>
    {
        [200] = "OK.",
        [201] = "Created; `Location` names the new resource.",
        [204] = "Deleted.",
        [400] = "The body is not JSON at all (malformed, or not UTF-8). JSON of the wrong shape is 422.",
        [401] = "The server requires an API key for changes, and `X-Api-Key` is missing or wrong.",
        [404] = "The resource in the path does not exist (an id that is not a positive 64-bit integer names nothing), or a " +
            "`parent_id`/`category_id` in the body does not exist (then `errors` names the field).",
        [409] = "A uniqueness rule: the SKU, or the name among the category's siblings; `errors` names the field.",
        [412] = "`If-Match` does not match the current `ETag`; nothing was changed. Weak and malformed tags never match.",
        [413] = "The body is larger than the server accepts (1 MiB unless configured otherwise).",
        [422] = "The request is JSON or a query, but breaks a rule: a missing, blank, too long or wrongly typed field, a bad pattern " +
            "or parameter, a field given twice, a category deeper than level 100 or a cycle. `errors` lists messages per field.",
        [429] = "Over the per-client rate limit (off unless configured); retry after `Retry-After` seconds.",
        [503] = "The catalog's database or cluster is briefly unavailable, or more requests wait than it queues; retry after `Retry-After` seconds.",
    };
}
