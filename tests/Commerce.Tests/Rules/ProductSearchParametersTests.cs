using Commerce.Grains.Interfaces.Validation;
using Commerce.ReadModel;
using Commerce.WebApi.Products;

namespace Commerce.Tests.Rules;

/// <summary>
/// The query of product search: <c>q</c> is text (trimmed, NFC, no control characters, at most 255 code points),
/// price bounds follow the rule of a price string and min may not exceed max, <c>category_id</c> is a whole number.
/// </summary>
public sealed class ProductSearchParametersTests
{
    private const string WholeNumber = "must be a whole number, such as 20.";
    private const string NotAPrice = "must be a decimal number such as 1299.99 (digits, optional fraction).";

    [Fact]
    public void Well_formed_parameters_become_the_search_criteria()
    {
        var errors = new FieldErrors();

        var criteria = Parse("q=+Cafe%CC%81+&min_price=1.500&max_price=1.50&category_id=7&limit=5&offset=10", errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal(new ProductSearchCriteria("Caf\u00e9", 1.5m, 1.5m, 7, 5, 10), criteria);
    }

    [Fact]
    public void An_empty_q_is_no_filter()
    {
        var errors = new FieldErrors();

        Assert.Null(Parse("q=+++", errors)!.Text);
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void Q_may_have_255_code_points_but_not_256()
    {
        var errors = new FieldErrors();
        Assert.Equal(string.Concat(Enumerable.Repeat("\U0001F600", 255)), Parse("q=" + string.Concat(Enumerable.Repeat("%F0%9F%98%80", 255)), errors)!.Text);
        Assert.True(errors.IsEmpty);

        AssertRefused("q=" + new string('x', 256), "q", "must be at most 255 characters long.");
    }

    [Theory]
    [InlineData("q=a%00b", "q", "must not contain control characters (tabs and line breaks included).")]
    [InlineData("q=a%09b", "q", "must not contain control characters (tabs and line breaks included).")]
    [InlineData("q=a&q=b", "q", "must be given at most once.")]
    [InlineData("min_price=1.5.0", "min_price", NotAPrice)]
    [InlineData("min_price=-1", "min_price", NotAPrice)]
    [InlineData("min_price=abc", "min_price", NotAPrice)]
    [InlineData("min_price=1.005", "min_price", "must have at most 2 decimal places.")]
    [InlineData("max_price=%2B1", "max_price", NotAPrice)]
    [InlineData("max_price=1%2C5", "max_price", NotAPrice)]
    [InlineData("max_price=1e3", "max_price", NotAPrice)]
    [InlineData("max_price=0.001", "max_price", "must have at most 2 decimal places.")]
    [InlineData("max_price=12345678901234567890123", "max_price", "must be between 0 and 9999999999.99.")]
    [InlineData("min_price=10&max_price=5", "min_price", "must not be greater than max_price.")]
    [InlineData("category_id=abc", "category_id", WholeNumber)]
    [InlineData("category_id=1.5", "category_id", WholeNumber)]
    [InlineData("limit=0", "limit", "must be from 1 to 100.")]
    [InlineData("limit=101", "limit", "must be from 1 to 100.")]
    [InlineData("limit=abc", "limit", WholeNumber)]
    [InlineData("offset=-1", "offset", "must be at least 0.")]
    public void Bad_parameters_are_refused_saying_what_is_wrong(string query, string parameter, string message)
    {
        AssertRefused(query, parameter, message);
    }

    private static void AssertRefused(string query, string parameter, string message)
    {
        var errors = new FieldErrors();

        Assert.Null(Parse(query, errors));
        var all = errors.ToDictionary();
        Assert.Equal([parameter], all.Keys);
        Assert.Equal([message], all[parameter]);
    }

    private static ProductSearchCriteria? Parse(string query, FieldErrors errors) => new ProductSearchParameters(
        QueryString.Values(query, "q"), QueryString.Values(query, "min_price"), QueryString.Values(query, "max_price"),
        QueryString.Values(query, "category_id"), QueryString.Values(query, "limit"), QueryString.Values(query, "offset")).TryParse(errors);
}

/// <summary><c>in_stock</c>: exactly <c>true</c> or <c>false</c>; absent is no filter.</summary>
public sealed class InStockParameterTests
{
    [Theory]
    [InlineData("in_stock=true", true)]
    [InlineData("in_stock=false", false)]
    [InlineData("", null)]
    public void In_stock_true_or_false_becomes_the_filter(string query, bool? expected)
    {
        var errors = new FieldErrors();
        Assert.Equal(expected, Parse(query, errors)!.InStock);
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("in_stock=yes")]
    [InlineData("in_stock=1")]
    [InlineData("in_stock=True")]
    [InlineData("in_stock=true&in_stock=false")]
    public void Anything_else_is_an_error_on_in_stock(string query)
    {
        var errors = new FieldErrors();
        Assert.Null(Parse(query, errors));
        Assert.Equal(["in_stock"], errors.ToDictionary().Keys);
    }

    private static ProductSearchCriteria? Parse(string query, FieldErrors errors) => new ProductSearchParameters(
        null, null, null, null, null, null, QueryString.Values(query, "in_stock")).TryParse(errors);
}
