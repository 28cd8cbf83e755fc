using System.Net;
using System.Text.Json.Nodes;
using Commerce.Tests.Api;
using Commerce.Tests.Carts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Commerce.Tests.Orders;

/// <summary>Orders (API.md "Orders"): all or nothing, snapshots, reads, cancel, and every status of those operations.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class OrderTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task An_order_of_available_lines_is_201_with_location_and_takes_the_stock()
    {
        var lamp = await Client.CreateProductAsync(title: "Lamp", price: "10.00", stockOnHand: 5);
        var bulb = await Client.CreateProductAsync(title: "Bulb", price: "0.99", stockOnHand: 20);
        var customer = OrderApi.Customer();

        var placed = await Client.PlaceOrderAsync(customer, [(lamp.Id(), 2), (bulb.Id(), 3)]);

        placed.AssertStatus(HttpStatusCode.Created);
        var order = placed.Json;
        Assert.Equal($"/api/v1/orders/{order.Id()}", placed.Location);
        Assert.Equal(customer, order.Text("customer_id"));
        Assert.Equal("placed", order.Text("status"));
        Assert.Equal("22.97", order.Text("total"));
        var expected = JsonNode.Parse($$"""
            [{"product_id": {{lamp.Id()}}, "title": "Lamp", "sku": "{{lamp.Text("sku")}}", "unit_price": "10.00", "quantity": 2, "line_total": "20.00"},
             {"product_id": {{bulb.Id()}}, "title": "Bulb", "sku": "{{bulb.Text("sku")}}", "unit_price": "0.99", "quantity": 3, "line_total": "2.97"}]
            """);
        Assert.True(JsonNode.DeepEquals(expected, order["items"]), placed.Body);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"on_hand": 3, "reserved": 0, "available": 3}"""), await Client.StockOfAsync(lamp.Id())));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"on_hand": 17, "reserved": 0, "available": 17}"""), await Client.StockOfAsync(bulb.Id())));

        var read = await Client.ApiGetAsync(placed.Location!);
        read.AssertStatus(HttpStatusCode.OK);
        Assert.NotNull(read.ETag);
        Assert.True(JsonNode.DeepEquals(order, read.Json), read.Body);
    }

    [Fact]
    public async Task One_short_line_refuses_the_whole_order_with_409_listing_it_and_takes_nothing()
    {
        var plenty = await Client.CreateProductAsync(stockOnHand: 10);
        var scarce = await Client.CreateProductAsync(stockOnHand: 1);
        var cart = await Client.CreateCartAsync();
        (await Client.PutItemAsync(cart, plenty.Id(), 4)).AssertStatus(HttpStatusCode.OK);

        var refused = await Client.PlaceOrderAsync(OrderApi.Customer(), [(plenty.Id(), 6), (scarce.Id(), 2)]);

        var problem = refused.AssertProblem(HttpStatusCode.Conflict);
        var line = Assert.Single(problem["lines"]!.AsArray())!;
        Assert.Equal(scarce.Id(), line["product_id"]!.GetValue<long>());
        Assert.Equal(2, line["requested"]!.GetValue<long>());
        Assert.Equal(1, line["available"]!.GetValue<long>());
        Assert.True(problem["errors"]?["items"] is JsonArray { Count: 1 }, refused.Body);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"on_hand": 10, "reserved": 4, "available": 6}"""), await Client.StockOfAsync(plenty.Id())));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"on_hand": 1, "reserved": 0, "available": 1}"""), await Client.StockOfAsync(scarce.Id())));
    }

    [Fact]
    public async Task An_unknown_product_is_404_and_takes_nothing()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 3);
        var refused = await Client.PlaceOrderAsync(OrderApi.Customer(), [(product.Id(), 1), (987654321987, 1)]);
        refused.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(3, (await Client.StockOfAsync(product.Id()))["available"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{"items": [{"product_id": 1, "quantity": 1}]}""", "customer_id")]
    [InlineData("""{"customer_id": "", "items": [{"product_id": 1, "quantity": 1}]}""", "customer_id")]
    [InlineData("""{"customer_id": "has space", "items": [{"product_id": 1, "quantity": 1}]}""", "customer_id")]
    [InlineData("""{"customer_id": 5, "items": [{"product_id": 1, "quantity": 1}]}""", "customer_id")]
    [InlineData("""{"customer_id": "c-1"}""", "items")]
    [InlineData("""{"customer_id": "c-1", "items": []}""", "items")]
    [InlineData("""{"customer_id": "c-1", "items": {}}""", "items")]
    [InlineData("""{"customer_id": "c-1", "items": [{"product_id": 1, "quantity": 1}, {"product_id": 1, "quantity": 2}]}""", "items")]
    [InlineData("""{"customer_id": "c-1", "items": [{"product_id": 1, "quantity": 0}]}""", "items[0].quantity")]
    [InlineData("""{"customer_id": "c-1", "items": [{"product_id": 1, "quantity": 1001}]}""", "items[0].quantity")]
    [InlineData("""{"customer_id": "c-1", "items": [{"product_id": 1, "quantity": 1}, {"product_id": "2", "quantity": 1}]}""", "items[1].product_id")]
    [InlineData("""{"customer_id": "c-1", "items": [5]}""", "items[0]")]
    public async Task A_malformed_order_is_422_naming_the_field(string body, string field)
    {
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", body)).AssertInvalid(field);
    }

    [Fact]
    public async Task More_than_100_lines_or_a_customer_id_over_100_characters_is_422()
    {
        var lines = Enumerable.Range(1, 101).Select(i => ((long)i, 1L));
        (await Client.PlaceOrderAsync("c-1", lines)).AssertInvalid("items");
        (await Client.PlaceOrderAsync(new string('c', 101), [(1, 1)])).AssertInvalid("customer_id");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400()
    {
        (await Client.SendAsync(HttpMethod.Post, "/api/v1/orders", "{customer")).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("987654321987")]
    [InlineData("abc")]
    public async Task An_unknown_order_is_404_to_read_and_to_cancel(string id)
    {
        (await Client.ApiGetAsync($"/api/v1/orders/{id}")).AssertProblem(HttpStatusCode.NotFound);
        (await Client.SendAsync(HttpMethod.Post, $"/api/v1/orders/{id}/cancel")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_order_reads_the_same_after_its_products_change_or_are_deleted()
    {
        var changed = await Client.CreateProductAsync(title: "Before", price: "5.00", stockOnHand: 2);
        var deleted = await Client.CreateProductAsync(title: "Gone", price: "7.00", stockOnHand: 2);
        var placed = await Client.PlaceOrderAsync(OrderApi.Customer(), [(changed.Id(), 1), (deleted.Id(), 1)]);
        placed.AssertStatus(HttpStatusCode.Created);

        (await Client.ApiPatchAsync($"/api/v1/products/{changed.Id()}", new { title = "After", price = "6.00", sku = Unique.Sku() })).AssertStatus(HttpStatusCode.OK);
        (await Client.ApiDeleteAsync($"/api/v1/products/{deleted.Id()}")).AssertStatus(HttpStatusCode.NoContent);

        var read = await Client.ApiGetAsync(placed.Location!);
        Assert.True(JsonNode.DeepEquals(placed.Json, read.Json), read.Body);
    }

    [Fact]
    public async Task Cancel_returns_the_units_once_however_often_it_is_asked()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 5);
        var placed = await Client.PlaceOrderAsync(OrderApi.Customer(), [(product.Id(), 3)]);
        placed.AssertStatus(HttpStatusCode.Created);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Client.SendAsync(HttpMethod.Post, $"{placed.Location}/cancel")));

        Assert.All(answers, a => a.AssertStatus(HttpStatusCode.OK));
        Assert.All(answers, a => Assert.Equal("cancelled", a.Json.Text("status")));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"on_hand": 5, "reserved": 0, "available": 5}"""), await Client.StockOfAsync(product.Id())));
        (await Client.SendAsync(HttpMethod.Post, $"{placed.Location}/cancel")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(5, (await Client.StockOfAsync(product.Id()))["on_hand"]!.GetValue<long>());
        Assert.Equal("cancelled", (await Client.ApiGetAsync(placed.Location!)).Json.Text("status"));
    }

    [Fact]
    public async Task A_finished_cancel_leaves_nothing_of_the_order_in_the_products_state()
    {
        // A product remembers a cancelled order only until the order has recorded that its units are back; otherwise
        // a hot product's state would grow with every cancellation it ever saw.
        var product = await Client.CreateProductAsync(stockOnHand: 5);
        var orders = new List<string>();
        foreach (var quantity in new[] { 1, 2 })
        {
            var placed = await Client.PlaceOrderAsync(OrderApi.Customer(), [(product.Id(), quantity)]);
            placed.AssertStatus(HttpStatusCode.Created);
            orders.Add(placed.Location!);
        }

        foreach (var order in orders)
        {
            (await Client.SendAsync(HttpMethod.Post, $"{order}/cancel")).AssertStatus(HttpStatusCode.OK);
        }

        await using var command = api.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT payloadjson->'stock'->>'returned', payloadjson->'stock'->>'cancelled' FROM orleansstorage WHERE graintypestring = 'product' AND grainidn1 = $1");
        command.Parameters.Add(new() { Value = product.Id() });
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(("[]", "3"), (reader.GetString(0), reader.GetString(1)));
        }

        // Forgotten, and still returned once: the orders know they are done.
        foreach (var order in orders)
        {
            (await Client.SendAsync(HttpMethod.Post, $"{order}/cancel")).AssertStatus(HttpStatusCode.OK);
        }

        Assert.Equal(5, (await Client.StockOfAsync(product.Id()))["on_hand"]!.GetValue<long>());
    }

    [Fact]
    public async Task Checkout_turns_the_cart_into_an_order_from_its_reservations_and_the_cart_is_gone()
    {
        var product = await Client.CreateProductAsync(price: "4.00", stockOnHand: 2);
        var cart = await Client.CreateCartAsync();
        (await Client.PutItemAsync(cart, product.Id(), 2)).AssertStatus(HttpStatusCode.OK);
        // Nothing else can buy the reserved units meanwhile.
        (await Client.PlaceOrderAsync(OrderApi.Customer(), [(product.Id(), 1)])).AssertProblem(HttpStatusCode.Conflict);

        var customer = OrderApi.Customer();
        var checkout = await Client.ApiPostAsync($"/api/v1/carts/{cart}/checkout", new { customer_id = customer });

        checkout.AssertStatus(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/orders/{checkout.Json.Id()}", checkout.Location);
        Assert.Equal("8.00", checkout.Json.Text("total"));
        Assert.Equal(customer, checkout.Json.Text("customer_id"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"on_hand": 0, "reserved": 0, "available": 0}"""), await Client.StockOfAsync(product.Id())));
        (await Client.ApiGetAsync($"/api/v1/carts/{cart}")).AssertProblem(HttpStatusCode.NotFound);
        (await Client.ApiPostAsync($"/api/v1/carts/{cart}/checkout", new { customer_id = customer })).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Checkout_of_an_empty_cart_is_422_and_a_bad_customer_id_too()
    {
        var cart = await Client.CreateCartAsync();
        (await Client.ApiPostAsync($"/api/v1/carts/{cart}/checkout", new { customer_id = "c-1" })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        (await Client.ApiPostAsync($"/api/v1/carts/{cart}/checkout", new { customer_id = "no spaces" })).AssertInvalid("customer_id");
        (await Client.ApiPostAsync($"/api/v1/carts/abc/checkout", new { customer_id = "c-1" })).AssertProblem(HttpStatusCode.NotFound);
    }
}
