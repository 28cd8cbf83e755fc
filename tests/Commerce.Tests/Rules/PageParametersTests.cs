using Commerce.Grains.Interfaces.Validation;
using Commerce.WebApi.Paging;

namespace Commerce.Tests.Rules;

/// <summary><c>limit</c> (1–100, default 20) and <c>offset</c> (≥ 0, default 0) of every list; a refusal says what is wrong.</summary>
public sealed class PageParametersTests
{
    private const string WholeNumber = "must be a whole number, such as 20.";
    private const string LimitRange = "must be from 1 to 100.";

    [Theory]
    [InlineData("", 20, 0)]
    [InlineData("limit=1", 1, 0)]
    [InlineData("limit=100", 100, 0)]
    [InlineData("offset=0", 20, 0)]
    [InlineData("limit=%2B7&offset=9223372036854775807", 7, long.MaxValue)]
    public void Limits_and_offsets_in_range_are_read(string query, int limit, long offset)
    {
        var errors = new FieldErrors();

        Assert.Equal((limit, offset), Parse(query, errors));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("limit=0", "limit", LimitRange)]
    [InlineData("limit=101", "limit", LimitRange)]
    [InlineData("limit=abc", "limit", WholeNumber)]
    [InlineData("limit=ten", "limit", WholeNumber)]
    [InlineData("limit=1.5", "limit", WholeNumber)]
    [InlineData("limit=-1", "limit", LimitRange)]
    [InlineData("limit=99999999999999999999", "limit", LimitRange)]
    [InlineData("limit=1&limit=2", "limit", "must be given at most once.")]
    [InlineData("offset=-1", "offset", "must be at least 0.")]
    [InlineData("offset=abc", "offset", WholeNumber)]
    [InlineData("offset=99999999999999999999", "offset", "is too large; at most 9223372036854775807.")]
    public void Bad_paging_parameters_are_refused_saying_what_is_wrong(string query, string parameter, string message)
    {
        var errors = new FieldErrors();
        Parse(query, errors);

        var all = errors.ToDictionary();
        Assert.Equal([parameter], all.Keys);
        Assert.Equal([message], all[parameter]);
    }

    private static (int Limit, long Offset) Parse(string query, FieldErrors errors) =>
        new PageParameters(QueryString.Values(query, "limit"), QueryString.Values(query, "offset")).Parse(errors);
}
