using System.Net;
using Commerce.Grains.Interfaces.Idempotency;
using Commerce.Grains.Interfaces.Orders;
using Commerce.ReadModel;
using Commerce.Tests.Api;
using Commerce.Tests.Carts;
using Commerce.WebApi.Idempotency;
using Commerce.WebApi.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Tests.Orders;

/// <summary>Idempotency-Key on order create and checkout: a repeat answers the first answer and takes nothing again.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class OrderIdempotencyTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task A_repeat_answers_the_same_order_and_takes_the_stock_once()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 10);
        var customer = OrderApi.Customer();
        var key = "order-" + Unique.Token();

        var first = await Client.PlaceOrderAsync(customer, [(product.Id(), 3)], key);
        var repeat = await Client.PlaceOrderAsync(customer, [(product.Id(), 3)], key);

        first.AssertStatus(HttpStatusCode.Created);
        repeat.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(first.Body, repeat.Body);
        Assert.Equal(first.Location, repeat.Location);
        Assert.Equal(7, (await Client.StockOfAsync(product.Id()))["on_hand"]!.GetValue<long>());
        Assert.Equal(1, (await Client.ApiGetAsync($"/api/v1/orders?customer_id={customer}")).Json["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Concurrent_repeats_of_one_key_place_one_order()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 100);
        var customer = OrderApi.Customer();
        var key = "order-" + Unique.Token();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Client.PlaceOrderAsync(customer, [(product.Id(), 4)], key)));

        Assert.All(answers, a => a.AssertStatus(HttpStatusCode.Created));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Equal(96, (await Client.StockOfAsync(product.Id()))["on_hand"]!.GetValue<long>());
        Assert.Equal(1, (await Client.ApiGetAsync($"/api/v1/orders?customer_id={customer}")).Json["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_takes_nothing()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 10);
        var customer = OrderApi.Customer();
        var key = "order-" + Unique.Token();
        (await Client.PlaceOrderAsync(customer, [(product.Id(), 1)], key)).AssertStatus(HttpStatusCode.Created);

        (await Client.PlaceOrderAsync(customer, [(product.Id(), 2)], key)).AssertInvalid("Idempotency-Key");
        Assert.Equal(9, (await Client.StockOfAsync(product.Id()))["on_hand"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_refused_order_is_refused_again_on_repeat_even_when_stock_came_meanwhile()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 1);
        var customer = OrderApi.Customer();
        var key = "order-" + Unique.Token();
        var first = await Client.PlaceOrderAsync(customer, [(product.Id(), 2)], key);
        first.AssertProblem(HttpStatusCode.Conflict);
        (await Client.ApiPostAsync($"/api/v1/products/{product.Id()}/stock-adjustments", new { delta = 5, reason = "restock" })).AssertStatus(HttpStatusCode.OK);

        var repeat = await Client.PlaceOrderAsync(customer, [(product.Id(), 2)], key);
        Assert.Equal(first.Body, repeat.Body);
        Assert.Equal(6, (await Client.StockOfAsync(product.Id()))["on_hand"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_repeat_after_a_crash_that_placed_the_order_but_never_answered_answers_that_order()
    {
        // What a crash leaves when it strikes after the order was placed and before the answer was stored: the key is
        // bound to the order's id, the order exists with its stock taken, no answer is kept.
        var product = await Client.CreateProductAsync(stockOnHand: 10);
        var customer = OrderApi.Customer();
        var key = "order-" + Unique.Token();
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var orderId = await api.Services.GetRequiredService<IdSequence>().NextOrderIdAsync(CancellationToken.None);
        var body = new OrderBody(customer, [new RequestedLine(product.Id(), 2)]);
        var fingerprint = IdempotentRequest.Fingerprint("POST", "/api/v1/orders", OrderRequests.Canonical(body));
        await grains.GetGrain<IIdempotencyKeyGrain>(key).BeginAsync(fingerprint, orderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(new OrderRequest(customer, body.Lines))).Order.AssertPlaced();

        var repeat = await Client.PlaceOrderAsync(customer, [(product.Id(), 2)], key);

        repeat.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(orderId, repeat.Json.Id());
        Assert.Equal(8, (await Client.StockOfAsync(product.Id()))["on_hand"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_repeated_checkout_answers_the_same_order_after_the_cart_is_gone()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 3);
        var cart = await Client.CreateCartAsync();
        (await Client.PutItemAsync(cart, product.Id(), 2)).AssertStatus(HttpStatusCode.OK);
        var key = "checkout-" + Unique.Token();

        var first = await Client.ApiPostAsync($"/api/v1/carts/{cart}/checkout", new { customer_id = "c-1" }, key);
        var repeat = await Client.ApiPostAsync($"/api/v1/carts/{cart}/checkout", new { customer_id = "c-1" }, key);

        first.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(first.Body, repeat.Body);
        Assert.Equal(1, (await Client.StockOfAsync(product.Id()))["on_hand"]!.GetValue<long>());
    }
}

internal static class OrderAssertions
{
    public static void AssertPlaced(this OrderView? order) => Assert.True(order is { Status: OrderStatus.Placed }, "The order was not placed.");
}
