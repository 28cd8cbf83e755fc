using System.Net;
using Commerce.Tests.Api;
using Commerce.Tests.Carts;
using Commerce.Tests.Orders;

namespace Commerce.Tests.Cluster;

/// <summary>The last units of a product go to exactly as many buyers as there are units, whichever silo each buyer reaches.</summary>
[Collection(ClusterTestGroup.Name)]
public sealed class ClusterStockRaceTests
{
    [Fact]
    public async Task Fifty_buyers_on_three_silos_race_for_ten_units_and_exactly_ten_are_sold()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        HttpClient[] nodes = [.. cluster.Silos.Select(s => s.Client)];
        var product = await nodes[0].CreateProductAsync(stockOnHand: 10);
        var id = product.Id();

        // Half the buyers order at once, half reserve in a cart and check out; a watcher reads the stock all along.
        using var done = new CancellationTokenSource();
        var watched = Watch(nodes, id, done.Token);
        var buyers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => BuyOneAsync(nodes[i % nodes.Length], id, direct: i % 2 == 0)));
        await done.CancelAsync();
        var stocks = await watched;

        Assert.Equal(10, buyers.Count(b => b == HttpStatusCode.Created));
        Assert.Equal(40, buyers.Count(b => b == HttpStatusCode.Conflict));
        Assert.All(stocks, s => Assert.True(s.OnHand >= 0 && s.Reserved >= 0 && s.Reserved <= s.OnHand, $"on_hand {s.OnHand}, reserved {s.Reserved}"));
        Assert.NotEmpty(stocks);
        foreach (var node in nodes)
        {
            var stock = await node.StockOfAsync(id);
            Assert.Equal(0, stock["on_hand"]!.GetValue<long>());
            Assert.Equal(0, stock["reserved"]!.GetValue<long>());
        }
    }

    /// <returns>201 when the buyer got the unit, 409 when it was gone (at the cart line or at the order).</returns>
    private static async Task<HttpStatusCode> BuyOneAsync(HttpClient node, long product, bool direct)
    {
        if (direct)
        {
            return (await node.PlaceOrderAsync(OrderApi.Customer(), [(product, 1)])).Status;
        }

        var cart = await node.CreateCartAsync();
        var line = await node.PutItemAsync(cart, product, 1);
        if (line.Status != HttpStatusCode.OK)
        {
            return line.Status;
        }

        var checkout = await node.ApiPostAsync($"/api/v1/carts/{cart}/checkout", new { customer_id = OrderApi.Customer() });
        Assert.Equal(HttpStatusCode.Created, checkout.Status);
        return checkout.Status;
    }

    private static async Task<List<(long OnHand, long Reserved)>> Watch(HttpClient[] nodes, long product, CancellationToken stop)
    {
        var seen = new List<(long, long)>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var stock = await nodes[i % nodes.Length].StockOfAsync(product);
            seen.Add((stock["on_hand"]!.GetValue<long>(), stock["reserved"]!.GetValue<long>()));
        }

        return seen;
    }
}
