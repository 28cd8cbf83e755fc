using System.Net;
using System.Text.Json.Nodes;
using Commerce.Tests.Api;

namespace Commerce.Tests.Stock;

/// <summary>Stock on products, stock adjustments and the in_stock search filter (API.md "Stock").</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class StockTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task A_new_product_has_no_stock_unless_the_create_gives_stock_on_hand()
    {
        var plain = await Client.CreateProductAsync();
        AssertStock(plain, onHand: 0, reserved: 0);
        Assert.Equal(0, plain["available"]!.GetValue<long>());

        var stocked = await Client.CreateProductAsync(stockOnHand: 40);
        AssertStock(stocked, onHand: 40, reserved: 0);
        Assert.Equal(40, stocked["available"]!.GetValue<long>());
        AssertStock((await Client.ApiGetAsync($"/api/v1/products/{stocked.Id()}")).Json, onHand: 40, reserved: 0);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1000000001")]
    [InlineData("1.5")]
    [InlineData("\"40\"")]
    public async Task Stock_on_hand_out_of_range_or_not_an_integer_is_422(string value)
    {
        var body = $$"""{"title": "Stocked", "description": "d", "sku": "{{Unique.Sku()}}", "price": 1, "stock_on_hand": {{value}}}""";
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/products", body)).AssertInvalid("stock_on_hand");
    }

    [Fact]
    public async Task An_adjustment_answers_the_new_stock_and_moves_the_etag_and_updated_at()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 5);
        var before = await Client.ApiGetAsync($"/api/v1/products/{product.Id()}");

        var added = await Client.ApiPostAsync($"/api/v1/products/{product.Id()}/stock-adjustments", new { delta = 25, reason = "restock" });
        added.AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"on_hand": 30, "reserved": 0, "available": 30}"""), added.Json), added.Body);

        var removed = await Client.ApiPostAsync($"/api/v1/products/{product.Id()}/stock-adjustments", new { delta = -30, reason = "damaged" });
        removed.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(0, removed.Json["on_hand"]!.GetValue<long>());

        var after = await Client.ApiGetAsync($"/api/v1/products/{product.Id()}");
        AssertStock(after.Json, onHand: 0, reserved: 0);
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.True(string.CompareOrdinal(after.Json.Text("updated_at"), before.Json.Text("updated_at")) > 0);
    }

    [Fact]
    public async Task A_decrease_below_zero_is_409_and_changes_nothing()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 3);
        var refused = await Client.ApiPostAsync($"/api/v1/products/{product.Id()}/stock-adjustments", new { delta = -4, reason = "count" });
        var problem = refused.AssertProblem(HttpStatusCode.Conflict);
        Assert.True(problem["errors"]?["delta"] is JsonArray { Count: > 0 }, refused.Body);
        AssertStock((await Client.ApiGetAsync($"/api/v1/products/{product.Id()}")).Json, onHand: 3, reserved: 0);
    }

    [Theory]
    [InlineData("""{"delta": 0, "reason": "none"}""", "delta")]
    [InlineData("""{"delta": 1000000001, "reason": "too many"}""", "delta")]
    [InlineData("""{"delta": -1000000001, "reason": "too many"}""", "delta")]
    [InlineData("""{"delta": 2.5, "reason": "half"}""", "delta")]
    [InlineData("""{"reason": "no delta"}""", "delta")]
    [InlineData("""{"delta": 1}""", "reason")]
    [InlineData("""{"delta": 1, "reason": "   "}""", "reason")]
    [InlineData("""{"delta": 1, "reason": "tab\there"}""", "reason")]
    [InlineData("""{"delta": 1, "reason": 5}""", "reason")]
    public async Task An_invalid_adjustment_is_422_naming_the_field(string body, string field)
    {
        var product = await Client.CreateProductAsync(stockOnHand: 1);
        (await Client.SendAsync(HttpMethod.Post, $"/api/v1/products/{product.Id()}/stock-adjustments", body)).AssertInvalid(field);
    }

    [Fact]
    public async Task An_adjustment_body_that_is_not_json_is_400_and_not_an_object_422()
    {
        var product = await Client.CreateProductAsync();
        (await Client.SendAsync(HttpMethod.Post, $"/api/v1/products/{product.Id()}/stock-adjustments", "{delta")).AssertProblem(HttpStatusCode.BadRequest);
        (await Client.SendAsync(HttpMethod.Post, $"/api/v1/products/{product.Id()}/stock-adjustments", "[]")).AssertProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("987654321987")]
    [InlineData("abc")]
    public async Task Adjusting_an_unknown_product_is_404(string id)
    {
        (await Client.ApiPostAsync($"/api/v1/products/{id}/stock-adjustments", new { delta = 1, reason = "restock" })).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_does_not_change_stock()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 7);
        var patched = await Client.ApiPatchAsync($"/api/v1/products/{product.Id()}", new { title = "Renamed", stock_on_hand = 100 });
        patched.AssertStatus(HttpStatusCode.OK);
        AssertStock(patched.Json, onHand: 7, reserved: 0);
    }

    [Fact]
    public async Task List_and_search_items_carry_available_and_in_stock_filters_on_it()
    {
        var token = Unique.Token();
        var stocked = await Client.CreateProductAsync(title: "Stocked " + token, stockOnHand: 2);
        var empty = await Client.CreateProductAsync(title: "Empty " + token);
        var soldOut = await Client.CreateProductAsync(title: "Sold out " + token, stockOnHand: 1);
        (await Client.ApiPostAsync($"/api/v1/products/{soldOut.Id()}/stock-adjustments", new { delta = -1, reason = "gone" })).AssertStatus(HttpStatusCode.OK);

        var all = await Client.ApiGetAsync($"/api/v1/products/search?q={token}");
        Assert.Equal([2L, 0L, 0L], all.Json["items"]!.AsArray().Select(i => i!["available"]!.GetValue<long>()));
        Assert.Equal([stocked.Id()], Ids(await Client.ApiGetAsync($"/api/v1/products/search?q={token}&in_stock=true")));
        Assert.Equal([empty.Id(), soldOut.Id()], Ids(await Client.ApiGetAsync($"/api/v1/products/search?q={token}&in_stock=false")));

        var listed = await Client.ApiGetAsync($"/api/v1/products?offset=0&limit=100");
        Assert.All(listed.Json["items"]!.AsArray(), item => Assert.NotNull(item!["available"]));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("TRUE")]
    public async Task In_stock_other_than_true_or_false_is_422(string value)
    {
        (await Client.ApiGetAsync($"/api/v1/products/search?in_stock={value}")).AssertInvalid("in_stock");
    }

    private static List<long> Ids(ApiResponse page)
    {
        page.AssertStatus(HttpStatusCode.OK);
        return [.. page.Json["items"]!.AsArray().Select(i => i!.Id())];
    }

    internal static void AssertStock(JsonNode product, long onHand, long reserved)
    {
        var expected = new JsonObject { ["on_hand"] = onHand, ["reserved"] = reserved, ["available"] = onHand - reserved };
        Assert.True(JsonNode.DeepEquals(expected, product["stock"]), product.ToJsonString());
    }
}
