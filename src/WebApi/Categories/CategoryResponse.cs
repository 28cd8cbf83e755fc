using Commerce.Grains.Interfaces.Categories;
using Commerce.WebApi.Json;

namespace Commerce.WebApi.Categories;

/// <summary>A category on the wire.</summary>
public sealed record CategoryResponse(long Id, string Name, long? ParentId, string CreatedAt, string UpdatedAt)
{
    public static CategoryResponse From(CategorySnapshot category) => new(
        category.Id, category.Name, category.ParentId, ApiTime.Format(category.CreatedAt), ApiTime.Format(category.UpdatedAt));
}
