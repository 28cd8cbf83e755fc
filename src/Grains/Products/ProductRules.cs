using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Validation;
using Commerce.Grains.Stock;

namespace Commerce.Grains.Products;

/// <summary>The field rules of a product. Field names are the API's, so errors reach the client as they are.</summary>
public static class ProductRules
{
    public const int MaxTitleLength = 255;
    public const int MaxDescriptionLength = 10_000;

    /// <returns>The new state, or null with <paramref name="errors"/> filled.</returns>
    public static ProductState? TryCreate(ProductDraft draft, DateTimeOffset now, FieldErrors errors)
    {
        var title = Title(draft.Title, errors);
        var description = Description(draft.Description, errors);
        var imageUrl = ImageUrl(draft.ImageUrl, errors);
        var sku = Sku(draft.Sku, errors);
        var price = Price(draft.Price, errors);
        var onHand = draft.StockOnHand ?? 0;
        errors.AddIfAny("stock_on_hand", StockRules.CheckInitialOnHand(onHand));
        return errors.IsEmpty
            ? new ProductState
            {
                Title = title, Description = description, ImageUrl = imageUrl, Sku = sku, Price = price, CategoryId = draft.CategoryId,
                CreatedAt = now, UpdatedAt = now, Version = 1, Stock = StockState.Starting(onHand),
            }
            : null;
    }

    /// <returns>The changed state (timestamps untouched), or null with <paramref name="errors"/> filled.</returns>
    public static ProductState? TryApply(ProductState current, ProductPatch patch, FieldErrors errors)
    {
        var next = current with
        {
            Title = patch.Title.IsSet ? Title(patch.Title.Value, errors) : current.Title,
            Description = patch.Description.IsSet ? Description(patch.Description.Value, errors) : current.Description,
            ImageUrl = patch.ImageUrl.IsSet ? ImageUrl(patch.ImageUrl.Value, errors) : current.ImageUrl,
            Sku = patch.Sku.IsSet ? Sku(patch.Sku.Value, errors) : current.Sku,
            Price = patch.Price.IsSet ? Price(patch.Price.Value, errors) : current.Price,
            CategoryId = patch.CategoryId.IsSet ? patch.CategoryId.Value : current.CategoryId,
        };
        return errors.IsEmpty ? next : null;
    }

    private static string Title(string? raw, FieldErrors errors)
    {
        errors.AddIfAny("title", CatalogText.TryNormalize(raw, MaxTitleLength, out var title));
        return title;
    }

    private static string Description(string? raw, FieldErrors errors)
    {
        errors.AddIfAny("description", CatalogText.TryNormalize(raw, MaxDescriptionLength, out var text, allowLineBreaks: true));
        return text;
    }

    private static string? ImageUrl(string? raw, FieldErrors errors)
    {
        if (raw is not null)
        {
            errors.AddIfAny("image_url", ImageUrlRules.Check(raw));
        }

        return raw;
    }

    private static string Sku(string? raw, FieldErrors errors)
    {
        errors.AddIfAny("sku", SkuRules.TryNormalize(raw, out var sku));
        return sku;
    }

    private static decimal Price(decimal? raw, FieldErrors errors)
    {
        if (raw is not { } price)
        {
            errors.Add("price", "is required.");
            return 0;
        }

        errors.AddIfAny("price", PriceRules.Check(price));
        return price;
    }
}
