using Commerce.Grains.Interfaces.Validation;
using Commerce.ReadModel;
using Commerce.WebApi.Paging;
using Microsoft.AspNetCore.Mvc;

namespace Commerce.WebApi.Products;

/// <summary>The query of <c>GET /api/v1/products/search</c>.</summary>
public sealed record ProductSearchParameters(
    [property: FromQuery(Name = "q")] string[]? Q,
    [property: FromQuery(Name = "min_price")] string[]? MinPrice,
    [property: FromQuery(Name = "max_price")] string[]? MaxPrice,
    [property: FromQuery(Name = "category_id")] string[]? CategoryId,
    [property: FromQuery(Name = "limit")] string[]? Limit,
    [property: FromQuery(Name = "offset")] string[]? Offset,
    [property: FromQuery(Name = "in_stock")] string[]? InStock = null)
{
    public const int MaxQueryLength = 255;

    public ProductSearchCriteria? TryParse(FieldErrors errors)
    {
        string? text = null;
        if (QueryValue.SingleValue(Q, "q", errors) is { } q)
        {
            errors.AddIfAny("q", CatalogText.TryNormalize(q, MaxQueryLength, out var normalized));
            text = normalized;
        }

        var min = QueryValue.ParseDecimal(MinPrice, "min_price", errors);
        var max = QueryValue.ParseDecimal(MaxPrice, "max_price", errors);
        if (min > max)
        {
            errors.Add("min_price", "must not be greater than max_price.");
        }

        var category = QueryValue.ParseInteger(CategoryId, "category_id", long.MinValue, long.MaxValue, errors);
        var inStock = QueryValue.ParseBoolean(InStock, "in_stock", errors);
        var (limit, offset) = new PageParameters(Limit, Offset).Parse(errors);
        return errors.IsEmpty ? new ProductSearchCriteria(text, min, max, category, limit, offset, inStock) : null;
    }
}
