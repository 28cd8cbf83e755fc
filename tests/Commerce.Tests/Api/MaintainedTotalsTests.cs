using System.Net;
using Commerce.Tests.Carts;

namespace Commerce.Tests.Api;

/// <summary>
/// The totals of category-only searches (with or without in_stock) come from maintained counts (sql/012), not from
/// counting: they must stay exact through every write that changes what a subtree holds or what is in stock —
/// creates, product moves, subtree moves, stock adjustments, reservations, product deletes, category deletes — on
/// the first page, on a page that is not the last (the total is not visible in the page) and past the end.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class MaintainedTotalsTests(CatalogApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task Category_only_totals_stay_exact_through_every_kind_of_write()
    {
        var root = await Client.CreateCategoryAsync("Totals root " + Unique.Token());
        var other = await Client.CreateCategoryAsync("Totals other " + Unique.Token());
        var middle = await Client.CreateCategoryAsync("Middle", root);
        var leaf = await Client.CreateCategoryAsync("Leaf", middle);
        var inMiddle = (await Client.CreateProductAsync(categoryId: middle, stockOnHand: 5)).Id();
        var emptyInLeaf = (await Client.CreateProductAsync(categoryId: leaf, stockOnHand: 0)).Id();
        var stockedInLeaf = (await Client.CreateProductAsync(categoryId: leaf, stockOnHand: 2)).Id();
        var inOther = (await Client.CreateProductAsync(categoryId: other, stockOnHand: 1)).Id();

        await AssertTotalsAsync((root, 3, 2), (middle, 3, 2), (leaf, 2, 1), (other, 1, 1));

        (await Client.ApiPatchAsync($"/api/v1/categories/{middle}", new { parent_id = other })).AssertStatus(HttpStatusCode.OK);
        await AssertTotalsAsync((root, 0, 0), (other, 4, 3), (middle, 3, 2), (leaf, 2, 1));

        (await Client.ApiPatchAsync($"/api/v1/products/{inOther}", new { category_id = leaf })).AssertStatus(HttpStatusCode.OK);
        await AssertTotalsAsync((other, 4, 3), (middle, 4, 3), (leaf, 3, 2));

        (await Client.ApiPostAsync($"/api/v1/products/{emptyInLeaf}/stock-adjustments", new { delta = 3, reason = "restock" }))
            .AssertStatus(HttpStatusCode.OK);
        await AssertTotalsAsync((other, 4, 4), (leaf, 3, 3));

        // Reserving the last units leaves nothing available: out of stock while on_hand stays 2.
        var cart = await Client.CreateCartAsync();
        (await Client.PutItemAsync(cart, stockedInLeaf, 2)).AssertStatus(HttpStatusCode.OK);
        await AssertTotalsAsync((other, 4, 3), (middle, 4, 3), (leaf, 3, 2));

        (await Client.ApiDeleteAsync($"/api/v1/products/{inMiddle}")).AssertStatus(HttpStatusCode.NoContent);
        await AssertTotalsAsync((other, 3, 2), (middle, 3, 2), (leaf, 3, 2));

        (await Client.ApiDeleteAsync($"/api/v1/categories/{leaf}")).AssertStatus(HttpStatusCode.NoContent);
        await AssertTotalsAsync((other, 0, 0), (middle, 0, 0), (leaf, 0, 0), (root, 0, 0));
    }

    [Theory]
    [InlineData("category_id=0")]
    [InlineData("category_id=-7")]
    [InlineData("category_id=9223372036854775807")]
    [InlineData("category_id=0&in_stock=false")]
    public async Task A_category_that_does_not_exist_has_a_total_of_zero_on_every_page(string filter)
    {
        // Products exist (one in stock, one not), so a total taken from the whole catalog's counts would not be 0.
        await Client.CreateProductAsync(stockOnHand: 1);
        await Client.CreateProductAsync(stockOnHand: 0);
        foreach (var offset in new[] { 0, 1, 1000 })
        {
            var response = await Client.ApiGetAsync($"/api/v1/products/search?{filter}&limit=1&offset={offset}");
            response.AssertStatus(HttpStatusCode.OK);
            Assert.Equal(0, response.Json["total"]!.GetValue<long>());
        }
    }

    /// <summary>Each expectation: a category, how many products its subtree holds, how many of them are in stock.</summary>
    private async Task AssertTotalsAsync(params (long Category, long Products, long InStock)[] expected)
    {
        foreach (var (category, products, inStock) in expected)
        {
            Assert.Equal((category, products), (category, await TotalAsync($"category_id={category}")));
            Assert.Equal((category, inStock), (category, await TotalAsync($"category_id={category}&in_stock=true")));
            Assert.Equal((category, products - inStock), (category, await TotalAsync($"category_id={category}&in_stock=false")));
        }
    }

    /// <summary>The total of a one-row page (which never proves the total when there are two or more matches) and past the end.</summary>
    private async Task<long> TotalAsync(string filter)
    {
        var first = await Client.ApiGetAsync($"/api/v1/products/search?{filter}&limit=1");
        first.AssertStatus(HttpStatusCode.OK);
        var pastTheEnd = await Client.ApiGetAsync($"/api/v1/products/search?{filter}&limit=1&offset=1000");
        pastTheEnd.AssertStatus(HttpStatusCode.OK);
        Assert.Empty(pastTheEnd.Json["items"]!.AsArray());
        var total = first.Json["total"]!.GetValue<long>();
        Assert.Equal(total, pastTheEnd.Json["total"]!.GetValue<long>());
        return total;
    }
}
