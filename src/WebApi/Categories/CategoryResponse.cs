using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Commerce.Grains.Interfaces.Categories;
using Commerce.WebApi.Json;

namespace Commerce.WebApi.Categories;

/// <summary>A category on the wire.</summary>
public sealed record CategoryResponse(
    long Id,
    string Name,
    [property: Description("`null` for a root.")] long? ParentId,
    [property: DataType(DataType.DateTime)] string CreatedAt,
    [property: DataType(DataType.DateTime), Description("Moves forward on every change.")] string UpdatedAt)
{
    public static CategoryResponse From(CategorySnapshot category) => new(
        category.Id, category.Name, category.ParentId, ApiTime.Format(category.CreatedAt), ApiTime.Format(category.UpdatedAt));
}
