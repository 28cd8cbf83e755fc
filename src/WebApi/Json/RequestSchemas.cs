using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Commerce.WebApi.Json;

// These records only describe request bodies in the OpenAPI document (their attributes become its rules).
// Bodies are read by JsonBodyReader and JsonFields, which tell absent from null and report wrong JSON types
// per field; the grains check the values. Lengths count Unicode code points after trimming and NFC.

/// <summary>POST /api/v1/products.</summary>
public sealed record CreateProductRequest(
    [property: Required, StringLength(255, MinimumLength = 1), Description(FieldText.Title)] string Title,
    [property: Required, StringLength(10_000, MinimumLength = 1), Description(FieldText.Description)] string Description,
    [property: StringLength(2083, MinimumLength = 1), Description(FieldText.ImageUrl)] string? ImageUrl,
    [property: Required, RegularExpression(FieldText.SkuPattern), Description(FieldText.Sku)] string Sku,
    [property: Required] PriceInput Price,
    [property: Description(FieldText.CategoryId)] long? CategoryId,
    [property: Range(0, 1_000_000_000), Description("Units on hand to start with; 0 when absent. Stock changes later only through stock adjustments and orders.")]
    long? StockOnHand);

/// <summary>POST /api/v1/products/{id}/stock-adjustments.</summary>
public sealed record StockAdjustmentRequest(
    [property: Required, Range(-1_000_000_000, 1_000_000_000), Description("Units to add (restock) or, negative, to remove; not 0. A removal that would leave fewer units than are reserved is 409.")]
    long Delta,
    [property: Required, StringLength(255, MinimumLength = 1), Description("Why, for the record (\"restock\", \"damaged\"); text rules as for a title.")]
    string Reason);

/// <summary>PUT /api/v1/carts/{cart_id}/items/{product_id}.</summary>
public sealed record CartItemRequest(
    [property: Required, Range(1, 1000), Description("Units of the product the cart should hold; the difference is reserved or released at once.")]
    long Quantity);

/// <summary>POST /api/v1/orders.</summary>
public sealed record CreateOrderRequest(
    [property: Required, StringLength(100, MinimumLength = 1), RegularExpression("^[A-Za-z0-9_.@-]{1,100}$")] string CustomerId,
    [property: Required, MinLength(1), MaxLength(100), Description("1–100 lines, each product at most once.")] IReadOnlyList<OrderItemRequest> Items);

public sealed record OrderItemRequest(
    [property: Required, Range(1, long.MaxValue)] long ProductId,
    [property: Required, Range(1, 1000)] long Quantity);

/// <summary>POST /api/v1/carts/{cart_id}/checkout.</summary>
public sealed record CheckoutRequest(
    [property: Required, StringLength(100, MinimumLength = 1), RegularExpression("^[A-Za-z0-9_.@-]{1,100}$")] string CustomerId);

/// <summary>PATCH /api/v1/products/{id}: any subset of the fields; null clears image_url or category_id.</summary>
public sealed record UpdateProductRequest(
    [property: StringLength(255, MinimumLength = 1), Description(FieldText.Title)] string Title,
    [property: StringLength(10_000, MinimumLength = 1), Description(FieldText.Description)] string Description,
    [property: StringLength(2083, MinimumLength = 1), Description(FieldText.ImageUrl + " `null` removes the image.")] string? ImageUrl,
    [property: RegularExpression(FieldText.SkuPattern), Description(FieldText.Sku)] string Sku,
    PriceInput Price,
    [property: Description(FieldText.CategoryId + " `null` unlinks the product.")] long? CategoryId);

/// <summary>POST /api/v1/categories; a null or absent parent_id makes a root.</summary>
public sealed record CreateCategoryRequest(
    [property: Required, StringLength(255, MinimumLength = 1), Description(FieldText.Name)] string Name,
    [property: Description("The parent category; absent or `null` makes a root.")] long? ParentId);

/// <summary>PATCH /api/v1/categories/{id}: rename, move (null parent_id moves to the roots), or both.</summary>
public sealed record UpdateCategoryRequest(
    [property: StringLength(255, MinimumLength = 1), Description(FieldText.Name)] string Name,
    [property: Description("The new parent; `null` moves the category (with its subtree) to the roots.")] long? ParentId);

/// <summary>Stands for a price in a request, which is a JSON number or a string (see <c>PriceSchemas</c>).</summary>
public sealed class PriceInput;

/// <summary>The words the document uses for fields that appear in more than one body.</summary>
internal static class FieldText
{
    public const string SkuPattern = "^[A-Za-z0-9_-]{1,100}$";
    public const string Title = "Any script; trimmed and NFC-normalised; no control characters.";
    public const string Description = "Like title, but newlines and tabs are allowed.";
    public const string ImageUrl = "An absolute http or https URL with a host, returned exactly as sent; `\"\"` is 422.";
    public const string Sku = "Trimmed and upper-cased, then 1–100 of A–Z, 0–9, `_` and `-`; unique (409).";
    public const string CategoryId = "An existing category (404 otherwise).";
    public const string Name = "Any script; trimmed and NFC-normalised; no control characters; unique among siblings, ignoring case (409).";
}
