using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Commerce.Tests.Api;

namespace Commerce.Tests.Carts;

/// <summary>Carts whose lines reserve stock (API.md "Carts"): every status of the cart operations.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class CartTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task Create_is_201_with_an_empty_cart_that_expires_in_15_minutes()
    {
        var created = await Client.SendAsync(HttpMethod.Post, "/api/v1/carts");
        created.AssertStatus(HttpStatusCode.Created);
        var cart = created.Json;
        Assert.True(Guid.TryParseExact(cart.Text("id"), "D", out _), created.Body);
        Assert.Equal($"/api/v1/carts/{cart.Text("id")}", created.Location);
        Assert.Empty(cart["items"]!.AsArray());
        Assert.Equal("0.00", cart.Text("total"));
        var expires = DateTimeOffset.Parse(cart.Text("expires_at"), CultureInfo.InvariantCulture);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));

        var read = await Client.ApiGetAsync(created.Location!);
        read.AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(cart, read.Json), read.Body);
    }

    [Theory]
    [InlineData("3f2c1a9e-8d4b-4c7e-9a61-2b5d7e0f4c13")]
    [InlineData("abc")]
    public async Task An_unknown_cart_is_404_for_every_operation(string cart)
    {
        var product = await Client.CreateProductAsync(stockOnHand: 5);
        (await Client.ApiGetAsync($"/api/v1/carts/{cart}")).AssertProblem(HttpStatusCode.NotFound);
        (await Client.PutItemAsync(cart, product.Id(), 1)).AssertProblem(HttpStatusCode.NotFound);
        (await Client.ApiDeleteAsync($"/api/v1/carts/{cart}/items/{product.Id()}")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, await Client.ReservedOfAsync(product.Id()));
    }

    [Fact]
    public async Task Put_sets_the_line_and_reserves_or_releases_the_difference()
    {
        var product = await Client.CreateProductAsync(price: "12.50", stockOnHand: 10);
        var cart = await Client.CreateCartAsync();

        var three = await Client.PutItemAsync(cart, product.Id(), 3);
        three.AssertStatus(HttpStatusCode.OK);
        var expected = JsonNode.Parse($$"""
            [{"product_id": {{product.Id()}}, "title": "{{product.Text("title")}}", "sku": "{{product.Text("sku")}}",
              "unit_price": "12.50", "quantity": 3, "line_total": "37.50"}]
            """);
        Assert.True(JsonNode.DeepEquals(expected, three.Json["items"]), three.Body);
        Assert.Equal("37.50", three.Json.Text("total"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"on_hand": 10, "reserved": 3, "available": 7}"""), await Client.StockOfAsync(product.Id())));

        (await Client.PutItemAsync(cart, product.Id(), 1)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(1, await Client.ReservedOfAsync(product.Id()));

        (await Client.ApiDeleteAsync($"/api/v1/carts/{cart}/items/{product.Id()}")).AssertStatus(HttpStatusCode.NoContent);
        Assert.Equal(0, await Client.ReservedOfAsync(product.Id()));
        Assert.Empty((await Client.ApiGetAsync($"/api/v1/carts/{cart}")).Json["items"]!.AsArray());
        // Removing a line that is not there (or a product id that names nothing) changes nothing.
        (await Client.ApiDeleteAsync($"/api/v1/carts/{cart}/items/{product.Id()}")).AssertStatus(HttpStatusCode.NoContent);
        (await Client.ApiDeleteAsync($"/api/v1/carts/{cart}/items/abc")).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task More_than_available_is_409_with_errors_quantity_and_available_and_keeps_the_line()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 5);
        var other = await Client.CreateCartAsync();
        (await Client.PutItemAsync(other, product.Id(), 2)).AssertStatus(HttpStatusCode.OK);
        var cart = await Client.CreateCartAsync();
        (await Client.PutItemAsync(cart, product.Id(), 1)).AssertStatus(HttpStatusCode.OK);

        var refused = await Client.PutItemAsync(cart, product.Id(), 4);
        var problem = refused.AssertProblem(HttpStatusCode.Conflict);
        Assert.True(problem["errors"]?["quantity"] is JsonArray { Count: > 0 }, refused.Body);
        // 5 on hand, 2 held by the other cart: this cart could hold 3 (its 1 included).
        Assert.Equal(3, problem["available"]!.GetValue<long>());
        Assert.Equal(3, await Client.ReservedOfAsync(product.Id()));
        Assert.Equal(1, (await Client.ApiGetAsync($"/api/v1/carts/{cart}")).Json["items"]![0]!["quantity"]!.GetValue<long>());
        (await Client.PutItemAsync(cart, product.Id(), 3)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_product_is_404_and_reserves_nothing()
    {
        var cart = await Client.CreateCartAsync();
        (await Client.PutItemAsync(cart, 987654321987, 1)).AssertProblem(HttpStatusCode.NotFound);
        (await Client.PutItemAsync(cart, -1, 1)).AssertProblem(HttpStatusCode.NotFound);
        Assert.Empty((await Client.ApiGetAsync($"/api/v1/carts/{cart}")).Json["items"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"quantity": 0}""")]
    [InlineData("""{"quantity": 1001}""")]
    [InlineData("""{"quantity": 1.5}""")]
    [InlineData("""{"quantity": "2"}""")]
    [InlineData("""{}""")]
    public async Task A_quantity_outside_1_to_1000_or_not_an_integer_is_422(string body)
    {
        var product = await Client.CreateProductAsync(stockOnHand: 5);
        var cart = await Client.CreateCartAsync();
        (await Client.SendAsync(HttpMethod.Put, $"/api/v1/carts/{cart}/items/{product.Id()}", body)).AssertInvalid("quantity");
        Assert.Equal(0, await Client.ReservedOfAsync(product.Id()));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 5);
        var cart = await Client.CreateCartAsync();
        (await Client.SendAsync(HttpMethod.Put, $"/api/v1/carts/{cart}/items/{product.Id()}", "{quantity")).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Lines_show_current_prices_and_a_deleted_product_leaves_the_cart_with_its_reservation()
    {
        var kept = await Client.CreateProductAsync(price: "2.00", stockOnHand: 5);
        var deleted = await Client.CreateProductAsync(price: "3.00", stockOnHand: 5);
        var cart = await Client.CreateCartAsync();
        (await Client.PutItemAsync(cart, kept.Id(), 2)).AssertStatus(HttpStatusCode.OK);
        (await Client.PutItemAsync(cart, deleted.Id(), 1)).AssertStatus(HttpStatusCode.OK);

        (await Client.ApiPatchAsync($"/api/v1/products/{kept.Id()}", new { price = "2.25" })).AssertStatus(HttpStatusCode.OK);
        (await Client.ApiDeleteAsync($"/api/v1/products/{deleted.Id()}")).AssertStatus(HttpStatusCode.NoContent);

        var read = await Client.ApiGetAsync($"/api/v1/carts/{cart}");
        var item = Assert.Single(read.Json["items"]!.AsArray())!;
        Assert.Equal(kept.Id(), item["product_id"]!.GetValue<long>());
        Assert.Equal("2.25", item.Text("unit_price"));
        Assert.Equal("4.50", read.Json.Text("total"));
        Assert.Equal(2, await Client.ReservedOfAsync(kept.Id()));
    }

    [Fact]
    public async Task A_stock_decrease_below_what_carts_reserve_is_409()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 5);
        var cart = await Client.CreateCartAsync();
        (await Client.PutItemAsync(cart, product.Id(), 4)).AssertStatus(HttpStatusCode.OK);

        (await Client.ApiPostAsync($"/api/v1/products/{product.Id()}/stock-adjustments", new { delta = -2, reason = "count" }))
            .AssertProblem(HttpStatusCode.Conflict);
        (await Client.ApiPostAsync($"/api/v1/products/{product.Id()}/stock-adjustments", new { delta = -1, reason = "count" }))
            .AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"on_hand": 4, "reserved": 4, "available": 0}"""), await Client.StockOfAsync(product.Id())));
    }

    [Fact]
    public async Task Carts_racing_for_the_last_units_get_exactly_those_units()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 3);
        var carts = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Client.CreateCartAsync()));

        var answers = await Task.WhenAll(carts.Select(cart => Client.PutItemAsync(cart, product.Id(), 1)));

        Assert.Equal(3, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.Equal(9, answers.Count(a => a.Status == HttpStatusCode.Conflict));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"on_hand": 3, "reserved": 3, "available": 0}"""), await Client.StockOfAsync(product.Id())));
    }
}
