using Commerce.Grains.Interfaces.Validation;
using Microsoft.AspNetCore.Mvc;

namespace Commerce.WebApi.Paging;

/// <summary><c>limit</c> (1–100, default 20) and <c>offset</c> (≥ 0, default 0) of every list and search.</summary>
public sealed record PageParameters(
    [property: FromQuery(Name = "limit")] string[]? Limit,
    [property: FromQuery(Name = "offset")] string[]? Offset)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public (int Limit, long Offset) Parse(FieldErrors errors) => (
        (int)(QueryValue.ParseInteger(Limit, "limit", 1, MaxLimit, errors) ?? DefaultLimit),
        QueryValue.ParseInteger(Offset, "offset", 0, long.MaxValue, errors) ?? 0);
}
