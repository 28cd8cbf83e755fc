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
             "sku": "sm-x-128", "price": "1299.99", "category_id": 2}
            """),
        "UpdateProductRequest" => Parse("""{"price": 1199, "image_url": null}"""),
        "CreateCategoryRequest" => Parse("""{"name": "Phones", "parent_id": 1}"""),
        "UpdateCategoryRequest" => Parse("""{"name": "Smartphones", "parent_id": null}"""),
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
         "created_at": "2026-03-12T10:20:30.123456Z", "updated_at": "2026-03-12T10:21:00.000001Z"}
        """);

    private static JsonObject Category() => (JsonObject)Parse("""
        {"id": 2, "name": "Phones", "parent_id": 1, "created_at": "2026-03-12T10:20:30.123456Z", "updated_at": "2026-03-12T10:20:30.123456Z"}
        """);

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;
}
