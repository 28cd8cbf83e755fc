namespace Commerce.WebApi.OpenApi;

/// <summary>The tags that group the operations in the document, with the text that introduces each group.</summary>
public static class OpenApiTags
{
    public const string Products = "Products";
    public const string Categories = "Categories";
    public const string Carts = "Carts";
    public const string Orders = "Orders";

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [Products] = "Products: title, description, SKU (unique), price and an optional category and image URL. " +
            "Search by text, price range and category subtree.",
        [Categories] = "A tree of categories, at most 100 levels deep, with names unique among siblings. " +
            "Deleting a category deletes its subtree and unlinks the products in it.",
        [Carts] = "Carts whose lines reserve units at once, so nothing sells out between reserving and checking out. " +
            "A cart unchanged for the reservation time (15 minutes by default) expires and gives its units back.",
        [Orders] = "Orders placed all or nothing, never overselling; lines keep the product as it was when ordered. " +
            "History per customer, newest first; cancel returns the units once.",
    };
}
