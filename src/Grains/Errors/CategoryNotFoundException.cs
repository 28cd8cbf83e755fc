namespace Commerce.Grains.Errors;

/// <summary>A referenced category (a parent, or a product's category) does not exist.</summary>
public sealed class CategoryNotFoundException(long categoryId, string field)
    : Exception($"Category {categoryId} does not exist.")
{
    public long CategoryId { get; } = categoryId;

    /// <summary>The API field that referenced it: parent_id or category_id.</summary>
    public string Field { get; } = field;
}
