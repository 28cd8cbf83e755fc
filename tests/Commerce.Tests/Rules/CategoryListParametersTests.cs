using Commerce.Grains.Interfaces.Validation;
using Commerce.ReadModel;
using Commerce.WebApi.Categories;

namespace Commerce.Tests.Rules;

/// <summary>The query of the category list: <c>parent_id</c> (an id, or <c>null</c> for the roots) and the page.</summary>
public sealed class CategoryListParametersTests
{
    private const string WholeNumber = "must be a whole number, such as 20.";

    [Theory]
    [InlineData("", CategoryScope.All, 0)]
    [InlineData("parent_id=null", CategoryScope.Roots, 0)]
    [InlineData("parent_id=42", CategoryScope.ChildrenOf, 42)]
    [InlineData("parent_id=-5", CategoryScope.ChildrenOf, -5)]
    public void Parent_id_chooses_what_is_listed(string query, CategoryScope scope, long parent)
    {
        var errors = new FieldErrors();
        var parsed = Parse(query, errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal((scope, parent, 20, 0L), parsed);
    }

    [Theory]
    [InlineData("parent_id=abc", "parent_id", WholeNumber)]
    [InlineData("parent_id=1.5", "parent_id", WholeNumber)]
    [InlineData("parent_id=99999999999999999999", "parent_id", "is too large; at most 9223372036854775807.")]
    [InlineData("parent_id=1&parent_id=2", "parent_id", "must be given at most once.")]
    [InlineData("limit=0", "limit", "must be from 1 to 100.")]
    [InlineData("limit=101", "limit", "must be from 1 to 100.")]
    [InlineData("limit=abc", "limit", WholeNumber)]
    [InlineData("offset=-1", "offset", "must be at least 0.")]
    [InlineData("offset=x", "offset", WholeNumber)]
    public void Bad_parameters_are_refused_saying_what_is_wrong(string query, string parameter, string message)
    {
        var errors = new FieldErrors();

        Assert.Null(Parse(query, errors));
        var all = errors.ToDictionary();
        Assert.Equal([parameter], all.Keys);
        Assert.Equal([message], all[parameter]);
    }

    private static (CategoryScope Scope, long ParentId, int Limit, long Offset)? Parse(string query, FieldErrors errors) =>
        new CategoryListParameters(QueryString.Values(query, "parent_id"), QueryString.Values(query, "limit"), QueryString.Values(query, "offset"))
            .TryParse(errors);
}
