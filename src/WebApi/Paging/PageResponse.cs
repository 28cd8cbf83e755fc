namespace Commerce.WebApi.Paging;

/// <summary>The envelope of every list and search: one page and the exact total of matches.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, long Total, int Limit, long Offset);
