using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Commerce.WebApi.OpenApi;

/// <summary>An example of every body in the document, by schema name (problems by status).</summary>
public static class OpenApiExamples
{
    public static JsonNode? For(string schemaId) => schemaId switch
    {
        "CreateProductRequest" => Parse("""
            {"title": "Смартфон X", "description": "6.1\" OLED, 128 GB", "image_url": "https://img.example.com/x.png",
             "sku": "sm-x-128", "price": "1299.99", "category_id": 2, "stock_on_hand": 40}
            """),
        "StockAdjustmentRequest" => Parse("""{"delta": 25, "reason": "restock"}"""),
        "Stock" => Parse("""{"on_hand": 65, "reserved": 3, "available": 62}"""),
        "UpdateProductRequest" => Parse("""{"price": 1199, "image_url": null}"""),
        "CreateCategoryRequest" => Parse("""{"name": "Phones", "parent_id": 1}"""),
        "UpdateCategoryRequest" => Parse("""{"name": "Smartphones", "parent_id": null}"""),
        "CartItemRequest" => Parse("""{"quantity": 2}"""),
        "Cart" => Parse("""
            {"id": "3f2c1a9e-8d4b-4c7e-9a61-2b5d7e0f4c13", "items": [{"product_id": 42, "title": "Смартфон X", "sku": "SM-X-128",
             "unit_price": "1299.99", "quantity": 2, "line_total": "2599.98"}], "total": "2599.98", "expires_at": "2026-03-12T10:35:30.123456Z"}
            """),
        "CreateOrderRequest" => Parse("""{"customer_id": "c-123", "items": [{"product_id": 42, "quantity": 2}]}"""),
        "CheckoutRequest" => Parse("""{"customer_id": "c-123"}"""),
        "Order" => Order(),
        "OrderPage" => new JsonObject { ["items"] = new JsonArray(Order()), ["total"] = 1, ["limit"] = 20, ["offset"] = 0 },
        "Product" => Product(),
        "Category" => Category(),
        "ProductPage" => new JsonObject { ["items"] = new JsonArray(Product()), ["total"] = 1, ["limit"] = 20, ["offset"] = 0 },
        "CategoryPage" => new JsonObject { ["items"] = new JsonArray(Category()), ["total"] = 1, ["limit"] = 20, ["offset"] = 0 },
        _ => null,
    };

    public static JsonNode Problem(int status)
    {
        var problem = new JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110",
            ["title"] = status switch { 413 => "Content Too Large", 422 => "Validation Failed", _ => ReasonPhrases.GetReasonPhrase(status) },
            ["status"] = status,
            ["detail"] = status switch
            {
                400 => "The request body is not valid JSON (line 1, byte 12).",
                401 => "Changes need a valid API key in the X-Api-Key header.",
                404 => "Product 42 does not exist.",
                409 => "SKU SM-X-128 is already used by another product.",
                412 => "If-Match: \"2\" does not match the current ETag of product 42; GET it for the current one.",
                413 => "The request body may be at most 1048576 bytes.",
                422 => "The product is not valid.",
                429 => "At most 50 requests per second per client; retry after 1 s.",
                _ => "The catalog database is unavailable; retry shortly.",
            },
            ["trace_id"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00",
        };
        if (status is 409 or 422)
        {
            problem["errors"] = status == 409
                ? Parse("""{"sku": ["is already used by another product."]}""")
                : Parse("""{"price": ["must have at most 2 decimal places."], "title": ["is required."]}""");
        }

        return problem;
    }

    private static JsonObject Product() => (JsonObject)Parse("""
        {"id": 42, "title": "Смартфон X", "description": "6.1\" OLED, 128 GB", "image_url": "https://img.example.com/x.png",
         "sku": "SM-X-128", "price": "1299.99", "category_id": 2,
         "created_at": "2026-03-12T10:20:30.123456Z", "updated_at": "2026-03-12T10:21:00.000001Z",
         "stock": {"on_hand": 40, "reserved": 3, "available": 37}, "available": 37}
        """);

    private static JsonObject Order() => (JsonObject)Parse("""
        {"id": 7, "customer_id": "c-123", "status": "placed", "items": [{"product_id": 42, "title": "Смартфон X", "sku": "SM-X-128",
         "unit_price": "1299.99", "quantity": 2, "line_total": "2599.98"}], "total": "2599.98",
         "created_at": "2026-03-12T10:22:00.000001Z", "updated_at": "2026-03-12T10:22:00.000001Z"}
        """);

    private static JsonObject Category() => (JsonObject)Parse("""
        {"id": 2, "name": "Phones", "parent_id": 1, "created_at": "2026-03-12T10:20:30.123456Z", "updated_at": "2026-03-12T10:20:30.123456Z"}
        """);

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;
}
