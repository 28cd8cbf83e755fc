using Commerce.Grains.Interfaces.Validation;
using Commerce.Grains.ReadModel;
using Commerce.WebApi.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace Commerce.WebApi.Products;

/// <summary>The query of <c>GET /api/v1/products/search</c>.</summary>
public sealed record ProductSearchParameters(
    [property: FromQuery(Name = "q")] StringValues Q,
    [property: FromQuery(Name = "min_price")] StringValues MinPrice,
    [property: FromQuery(Name = "max_price")] StringValues MaxPrice,
    [property: FromQuery(Name = "category_id")] StringValues CategoryId,
    [property: FromQuery(Name = "limit")] StringValues Limit,
    [property: FromQuery(Name = "offset")] StringValues Offset)
{
    public const int MaxQueryLength = 255;

    public ProductSearchCriteria? TryParse(FieldErrors errors)
    {
        string? text = null;
        if (QueryValue.Single(Q, "q", errors) is { } q)
        {
            errors.AddIfAny("q", CatalogText.TryNormalize(q, MaxQueryLength, out var normalized));
            text = normalized;
        }

        var min = QueryValue.Decimal(MinPrice, "min_price", errors);
        var max = QueryValue.Decimal(MaxPrice, "max_price", errors);
        if (min > max)
        {
            errors.Add("min_price", "must not be greater than max_price.");
        }

        var category = QueryValue.Integer(CategoryId, "category_id", long.MinValue, long.MaxValue, errors);
        var (limit, offset) = new PageParameters(Limit, Offset).Parse(errors);
        return errors.IsEmpty ? new ProductSearchCriteria(text, min, max, category, limit, offset) : null;
    }
}
