using Commerce.Grains.Interfaces.Validation;
using Commerce.ReadModel;
using Commerce.WebApi.Paging;
using Microsoft.AspNetCore.Mvc;

namespace Commerce.WebApi.Categories;

/// <summary>
/// The query of <c>GET /api/v1/categories</c>. <c>parent_id</c> lists direct children only; the value
/// <c>null</c> lists the roots; without it every category is listed.
/// </summary>
public sealed record CategoryListParameters(
    [property: FromQuery(Name = "parent_id")] string[]? ParentId,
    [property: FromQuery(Name = "limit")] string[]? Limit,
    [property: FromQuery(Name = "offset")] string[]? Offset)
{
    public (CategoryScope Scope, long ParentId, int Limit, long Offset)? TryParse(FieldErrors errors)
    {
        var scope = CategoryScope.All;
        long parent = 0;
        if (QueryValue.SingleValue(ParentId, "parent_id", errors) is { } text)
        {
            if (text == "null")
            {
                scope = CategoryScope.Roots;
            }
            else if (QueryValue.ParseInteger(ParentId, "parent_id", long.MinValue, long.MaxValue, errors) is { } id)
            {
                (scope, parent) = (CategoryScope.ChildrenOf, id);
            }
        }

        var (limit, offset) = new PageParameters(Limit, Offset).Parse(errors);
        return errors.IsEmpty ? (scope, parent, limit, offset) : null;
    }
}
