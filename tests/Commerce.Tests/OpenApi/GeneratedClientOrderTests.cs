using Commerce.Tests.Api;
using Commerce.Tests.OpenApi.Generated;

namespace Commerce.Tests.OpenApi;

/// <summary>The generated client through stock, a cart, a checkout, an order, the history and a cancel.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class GeneratedClientOrderTests(CatalogApiFixture api)
{
    [Fact]
    public async Task A_generated_client_stocks_reserves_checks_out_orders_and_cancels()
    {
        var catalog = new CatalogClient(api.Client);
        var product = (await catalog.CreateProductAsync(new CreateProductRequest
        {
            Title = "Typed lamp", Description = "d", Sku = Unique.Sku(), Price = "2.50", Stock_on_hand = 3,
        })).Result;
        Assert.Equal(3, product.Stock.Available);

        var stock = await catalog.AdjustStockAsync(product.Id, "adj-" + Unique.Token(), new StockAdjustmentRequest { Delta = 2, Reason = "restock" });
        Assert.Equal(5, stock.Result.On_hand);

        var cart = (await catalog.CreateCartAsync()).Result;
        var line = await catalog.SetCartItemAsync(Guid.Parse(cart.Id), product.Id, new CartItemRequest { Quantity = 2 });
        Assert.Equal("5.00", line.Result.Total);
        var short_ = await Assert.ThrowsAsync<CatalogApiException<ProblemDetails>>(() =>
            catalog.SetCartItemAsync(Guid.Parse(cart.Id), product.Id, new CartItemRequest { Quantity = 6 }));
        Assert.Equal(409, short_.StatusCode);

        var customer = "c-" + Unique.Token();
        var checkedOut = await catalog.CheckoutCartAsync(Guid.Parse(cart.Id), null, new CheckoutRequest { Customer_id = customer });
        Assert.Equal(201, checkedOut.StatusCode);
        var ordered = await catalog.CreateOrderAsync("o-" + Unique.Token(), new CreateOrderRequest
        {
            Customer_id = customer, Items = [new OrderItemRequest { Product_id = product.Id, Quantity = 3 }],
        });
        Assert.Equal("placed", ordered.Result.Status);

        var history = await catalog.ListOrdersAsync(customer, 20, 0);
        Assert.Equal([ordered.Result.Id, checkedOut.Result.Id], history.Result.Items.Select(o => o.Id));
        Assert.Equal("cancelled", (await catalog.CancelOrderAsync(ordered.Result.Id)).Result.Status);
        Assert.Equal(3, (await catalog.GetProductAsync(product.Id)).Result.Stock.On_hand);
    }
}
