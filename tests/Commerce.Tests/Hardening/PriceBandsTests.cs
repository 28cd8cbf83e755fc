using System.Globalization;
using System.Net;
using Commerce.ReadModel;
using Commerce.Tests.Api;
using Commerce.Tests.Orders;

namespace Commerce.Tests.Hardening;

/// <summary>
/// How broad a price range beside another filter is comes from the price band counts the process holds
/// (<see cref="PriceBands"/>): read by the first search, then again only after <c>Search:PriceBandsMaxAge</c>, in the
/// background. Aged counts may pick the other plan, never another answer. A catalog of its own: 64 products titled
/// "Brass lamp n" priced n.00, so "la" (a two-character term, found by its grams) matches all of them.
/// </summary>
public sealed class PriceBandsTests
{
    private const string Search = "/api/v1/products/search?q=la&min_price=10.00&max_price=11.00&limit=5";

    [Fact]
    public void The_estimate_counts_bands_between_the_bounds_whole_and_a_bounds_own_band_by_the_share_of_its_width()
    {
        var counts = new PriceBandCounts([0m, 1m, 2m, 4m], [10, 20, 30, 40], readAt: 0);

        Assert.Equal(100, counts.Catalog);
        Assert.Equal(100, counts.Estimate(null, null));
        Assert.Equal(80, counts.Estimate(1.5m, null));
        Assert.Equal(45, counts.Estimate(null, 3m));
        Assert.Equal(25, counts.Estimate(1.5m, 3m));
        Assert.Equal(0, counts.Estimate(0.5m, 0.5m));
        Assert.Equal(20, counts.Estimate(1m, 2m));
        // The top band has no upper cut: it counts whole below any bound within it. Nothing is priced below 0.
        Assert.Equal(100, counts.Estimate(null, 99m));
        Assert.Equal(70, counts.Estimate(2m, 4m));
        Assert.Equal(0, counts.Estimate(5m, null));
        Assert.Equal(10, counts.Estimate(-1m, 1m));
    }

    [Fact]
    public void A_bounds_cut_is_the_largest_cut_at_or_below_it_and_a_bound_below_every_cut_is_its_own()
    {
        var counts = new PriceBandCounts([0m, 1m, 2m, 4m], [10, 20, 30, 40], readAt: 0);

        Assert.Equal(0m, counts.CutAtOrBelow(0m));
        Assert.Equal(0m, counts.CutAtOrBelow(0.99m));
        Assert.Equal(1m, counts.CutAtOrBelow(1m));
        Assert.Equal(1m, counts.CutAtOrBelow(1.99m));
        Assert.Equal(2m, counts.CutAtOrBelow(3.5m));
        Assert.Equal(4m, counts.CutAtOrBelow(9999999999.99m));
        Assert.Equal(-0.01m, counts.CutAtOrBelow(-0.01m));
    }

    [Fact]
    public async Task The_counts_are_read_once_and_aged_counts_keep_their_plan_with_exact_answers()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: new Dictionary<string, string>
        {
            ["Search:PriceBandsMaxAge"] = "01:00:00",
        });
        var ids = await CreateLampsAsync(catalog.Client);
        using var counter = new SqlCommandCounter();

        var reads = 0;
        for (var i = 0; i < 5; i++)
        {
            var (page, commands) = await counter.GetJsonAsync(catalog.Client, Search);
            Assert.Equal(2, page["total"]!.GetValue<long>());
            Assert.Equal(PricePlan.ByIndex, PlanOf(commands));
            reads += commands.Count(SqlCommandCounter.ReadsPriceBands);
        }

        Assert.Equal(1, reads);

        await MoveIntoRangeAsync(catalog.Client, ids);
        var (after, afterCommands) = await counter.GetJsonAsync(catalog.Client, Search);
        Assert.Equal(22, after["total"]!.GetValue<long>());
        Assert.Equal(PricePlan.ByIndex, PlanOf(afterCommands));
        Assert.DoesNotContain(afterCommands, SqlCommandCounter.ReadsPriceBands);
    }

    [Fact]
    public async Task Counts_older_than_their_age_are_read_again_and_a_range_that_grew_broad_is_tested_on_the_rows()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: new Dictionary<string, string>
        {
            ["Search:PriceBandsMaxAge"] = "00:00:00",
        });
        var ids = await CreateLampsAsync(catalog.Client);
        using var counter = new SqlCommandCounter();
        var (before, beforeCommands) = await counter.GetJsonAsync(catalog.Client, Search);
        Assert.Equal(2, before["total"]!.GetValue<long>());
        Assert.Equal(PricePlan.ByIndex, PlanOf(beforeCommands));

        // 22 of 64 products in the range is over 1/32 of the catalog. The search after the move starts a read in the
        // background and answers with the counts it has; one of the next ones sees the new counts.
        await MoveIntoRangeAsync(catalog.Client, ids);
        var plans = new List<PricePlan>();
        for (var attempt = 0; attempt < 50 && !plans.Contains(PricePlan.OnRows); attempt++)
        {
            var (page, commands) = await counter.GetJsonAsync(catalog.Client, Search);
            Assert.Equal(22, page["total"]!.GetValue<long>());
            plans.Add(PlanOf(commands));
            await Task.Delay(100);
        }

        Assert.Equal(PricePlan.OnRows, plans[^1]);
    }

    private enum PricePlan { ByIndex, OnRows }

    private static PricePlan PlanOf(IReadOnlyList<string> commands)
    {
        var search = Assert.Single(commands, sql => sql.Contains("WITH matches", StringComparison.Ordinal));
        return search.Contains("price + 0 >= $", StringComparison.Ordinal) ? PricePlan.OnRows
            : search.Contains("price >= $", StringComparison.Ordinal) ? PricePlan.ByIndex
            : throw new InvalidOperationException($"no price condition in {search}");
    }

    private static async Task<List<long>> CreateLampsAsync(HttpClient client)
    {
        var ids = new List<long>();
        for (var price = 1; price <= 64; price++)
        {
            ids.Add((await client.CreateProductAsync($"Brass lamp {price}", price.ToString("0.00", CultureInfo.InvariantCulture))).Id());
        }

        return ids;
    }

    /// <summary>Reprices the lamps priced 31.00 to 50.00 at 10.50.</summary>
    private static async Task MoveIntoRangeAsync(HttpClient client, List<long> ids)
    {
        foreach (var id in ids.Skip(30).Take(20))
        {
            (await client.ApiPatchAsync($"/api/v1/products/{id}", new { price = "10.50" })).AssertStatus(HttpStatusCode.OK);
        }
    }
}
