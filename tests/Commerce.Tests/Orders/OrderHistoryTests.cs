using System.Net;
using System.Text.Json.Nodes;
using Commerce.Tests.Api;

namespace Commerce.Tests.Orders;

/// <summary>A customer's order history: newest first, whole orders, a constant number of SQL commands per page.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class OrderHistoryTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task History_pages_whole_orders_newest_first_with_the_exact_total()
    {
        var product = await Client.CreateProductAsync(price: "1.00", stockOnHand: 100);
        var customer = OrderApi.Customer();
        var ids = new List<long>();
        for (var i = 1; i <= 5; i++)
        {
            var placed = await Client.PlaceOrderAsync(customer, [(product.Id(), i)]);
            placed.AssertStatus(HttpStatusCode.Created);
            ids.Add(placed.Json.Id());
        }

        (await Client.PlaceOrderAsync(OrderApi.Customer(), [(product.Id(), 1)])).AssertStatus(HttpStatusCode.Created);

        var first = await Client.ApiGetAsync($"/api/v1/orders?customer_id={customer}&limit=2");
        first.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(5, first.Json["total"]!.GetValue<long>());
        Assert.Equal([ids[4], ids[3]], first.Json["items"]!.AsArray().Select(o => o!.Id()));
        var third = await Client.ApiGetAsync($"/api/v1/orders?customer_id={customer}&limit=2&offset=4");
        var oldest = Assert.Single(third.Json["items"]!.AsArray())!;
        Assert.True(JsonNode.DeepEquals((await Client.ApiGetAsync($"/api/v1/orders/{ids[0]}")).Json, oldest), third.Body);
        Assert.Equal(5, third.Json["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task History_shows_cancelled_orders_as_cancelled()
    {
        var product = await Client.CreateProductAsync(stockOnHand: 3);
        var customer = OrderApi.Customer();
        var placed = await Client.PlaceOrderAsync(customer, [(product.Id(), 1)]);
        (await Client.SendAsync(HttpMethod.Post, $"{placed.Location}/cancel")).AssertStatus(HttpStatusCode.OK);

        var history = await Client.ApiGetAsync($"/api/v1/orders?customer_id={customer}");
        Assert.Equal("cancelled", Assert.Single(history.Json["items"]!.AsArray())!.Text("status"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?customer_id=")]
    [InlineData("?customer_id=no%20spaces")]
    [InlineData("?customer_id=c-1&limit=0")]
    [InlineData("?customer_id=c-1&offset=-1")]
    public async Task A_missing_or_bad_customer_id_or_page_is_422(string query)
    {
        (await Client.ApiGetAsync($"/api/v1/orders{query}")).AssertProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_page_costs_the_same_sql_commands_whatever_its_orders_and_lines_and_reads_after_the_products_are_gone()
    {
        var products = new List<JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            products.Add(await Client.CreateProductAsync(price: "2.00", stockOnHand: 1000));
        }

        var small = OrderApi.Customer();
        (await Client.PlaceOrderAsync(small, [(products[0].Id(), 1)])).AssertStatus(HttpStatusCode.Created);
        var large = OrderApi.Customer();
        await Task.WhenAll(Enumerable.Range(0, 25).Select(async _ =>
            (await Client.PlaceOrderAsync(large, products.Select(p => (p.Id(), 2L)))).AssertStatus(HttpStatusCode.Created)));
        foreach (var product in products)
        {
            (await Client.ApiDeleteAsync($"/api/v1/products/{product.Id()}")).AssertStatus(HttpStatusCode.NoContent);
        }

        using var counter = new SqlCommandCounter();
        var (smallPage, smallCommands) = await counter.GetAsync(Client, $"/api/v1/orders?customer_id={small}&limit=20");
        var (fullPage, fullCommands) = await counter.GetAsync(Client, $"/api/v1/orders?customer_id={large}&limit=20");
        var (lastPage, lastCommands) = await counter.GetAsync(Client, $"/api/v1/orders?customer_id={large}&limit=20&offset=20");

        Assert.Equal(HttpStatusCode.OK, fullPage.StatusCode);
        var full = JsonNode.Parse(await fullPage.Content.ReadAsStringAsync())!;
        Assert.Equal(20, full["items"]!.AsArray().Count);
        Assert.Equal(25, full["total"]!.GetValue<long>());
        Assert.All(full["items"]!.AsArray(), order => Assert.Equal(3, order!["items"]!.AsArray().Count));
        Assert.Equal(5, JsonNode.Parse(await lastPage.Content.ReadAsStringAsync())!["items"]!.AsArray().Count);
        Assert.Single(JsonNode.Parse(await smallPage.Content.ReadAsStringAsync())!["items"]!.AsArray());
        // 20 orders of 3 lines: the page and its count. A last page (1 order, or the 5 left) needs no count.
        Assert.Equal(2, fullCommands.Count);
        Assert.Single(smallCommands);
        Assert.Single(lastCommands);
    }
}
