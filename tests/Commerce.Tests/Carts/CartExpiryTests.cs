using System.Net;
using Commerce.Tests.Api;
using Commerce.Tests.Grains;

namespace Commerce.Tests.Carts;

/// <summary>
/// Carts left unchanged for Carts:ReservationTtl (15 min) expire and give their units back, whether anyone asks for
/// them or not. The carts' clock is moved forward; the reminder that finds them runs on the real one.
/// </summary>
public sealed class CartExpiryTests : IClassFixture<ClockedCatalog>
{
    private readonly ClockedCatalog _catalog;

    public CartExpiryTests(ClockedCatalog catalog) => _catalog = catalog;

    private HttpClient Client => _catalog.Client;

    [Fact]
    public async Task An_expired_cart_is_404_and_its_units_are_available_again()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 4);
        var cart = await Client.CreateCartAsync();
        (await Client.PutItemAsync(cart, product.Id(), 3)).AssertStatus(HttpStatusCode.OK);

        _catalog.Clock.Advance(TimeSpan.FromMinutes(16));

        (await Client.ApiGetAsync($"/api/v1/carts/{cart}")).AssertProblem(HttpStatusCode.NotFound);
        (await Client.PutItemAsync(cart, product.Id(), 1)).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, await Client.ReservedOfAsync(product.Id()));
    }

    [Fact]
    public async Task A_cart_nobody_asks_for_expires_by_its_reminder()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 4);
        var cart = await Client.CreateCartAsync();
        (await Client.PutItemAsync(cart, product.Id(), 2)).AssertStatus(HttpStatusCode.OK);

        _catalog.Clock.Advance(TimeSpan.FromMinutes(16));

        // Only the product is read: the cart is woken by nothing but its reminder.
        await Eventually.TrueAsync(async () => await Client.ReservedOfAsync(product.Id()) == 0, TimeSpan.FromSeconds(30), "the expired cart released its units");
        (await Client.ApiGetAsync($"/api/v1/carts/{cart}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_change_restarts_the_reservation_time()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 4);
        var cart = await Client.CreateCartAsync();
        (await Client.PutItemAsync(cart, product.Id(), 1)).AssertStatus(HttpStatusCode.OK);

        _catalog.Clock.Advance(TimeSpan.FromMinutes(10));
        (await Client.PutItemAsync(cart, product.Id(), 2)).AssertStatus(HttpStatusCode.OK);
        _catalog.Clock.Advance(TimeSpan.FromMinutes(10));

        (await Client.ApiGetAsync($"/api/v1/carts/{cart}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(2, await Client.ReservedOfAsync(product.Id()));
    }
}
