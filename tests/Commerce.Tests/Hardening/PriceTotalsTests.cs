using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Commerce.Tests.Api;
using Commerce.Tests.Orders;

namespace Commerce.Tests.Hardening;

/// <summary>
/// A price range searched alone takes its exact total from the per-band counts (sql/015): bounds on a band's cut,
/// a cent either side of it, inside one band, beyond every price, and open on either side all give the count of
/// the products in the inclusive range, also after a product changes price (moving between bands) and one is
/// deleted. A catalog of its own, so the expected totals are known.
/// </summary>
public sealed class PriceTotalsTests
{
    [Fact]
    public async Task Price_only_totals_come_from_the_band_counts_and_equal_the_inclusive_range_count()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var client = catalog.Client;
        // 0.98, 1.03 and 1.08 are band cuts (0.01 × 1.05^i rounded to the cent: …, 0.93, 0.98, 1.03, 1.08, 1.14, …).
        var prices = new Dictionary<long, decimal>();
        foreach (var price in new[] { 0m, 0.01m, 0.97m, 0.98m, 0.98m, 1.02m, 1.03m, 1.04m, 1.08m, 57.31m, 9999999999.99m })
        {
            prices[(await client.CreateProductAsync(price: price.ToString(CultureInfo.InvariantCulture))).Id()] = price;
        }

        using var counter = new SqlCommandCounter();
        var bandReads = 0;
        async Task AssertTotalsAsync()
        {
            var ranges = new (decimal? Min, decimal? Max)[]
            {
                (null, 0.98m), (0.98m, null), (0.98m, 0.98m), (0.97m, 0.99m), (0.99m, 1.02m), (1.02m, 1.03m), (1.03m, 1.08m),
                (0m, 0m), (0m, null), (null, 9999999999.99m), (1.04m, 57.30m), (57.32m, 9999999999.98m), (2m, 1m), (null, 0.5m),
            };
            foreach (var (min, max) in ranges)
            {
                var query = string.Join('&', new[] { min is null ? null : $"min_price={min:0.00}", max is null ? null : $"max_price={max:0.00}" }
                    .Where(part => part is not null));
                var (response, commands) = await counter.GetAsync(client, $"/api/v1/products/search?{query}&limit=1&offset=100");
                var expected = prices.Values.Count(p => (min is null || p >= min) && (max is null || p <= max));
                if (min > max)
                {
                    Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
                    continue;
                }

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var total = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["total"]!.GetValue<long>();
                Assert.True(expected == total, $"{query}: total {total}, products in range {expected}");
                // Page and kept total in one batch: one round trip, whose text holds both statements. The bounds' band
                // cuts come from the band counts the process holds (read by its first search), not from price_band().
                bandReads += commands.Count(SqlCommandCounter.ReadsPriceBands);
                var batch = Assert.Single(commands, sql => !SqlCommandCounter.ReadsPriceBands(sql));
                Assert.Contains("price_counts", batch, StringComparison.Ordinal);
                Assert.Contains("ORDER BY id LIMIT 1 OFFSET 100", batch, StringComparison.Ordinal);
                Assert.DoesNotContain("price_band(", batch, StringComparison.Ordinal);
            }
        }

        await AssertTotalsAsync();
        Assert.Equal(1, bandReads);

        var moved = prices.First(p => p.Value == 1.02m).Key;
        (await client.ApiPatchAsync($"/api/v1/products/{moved}", new { price = "1.08" })).AssertStatus(HttpStatusCode.OK);
        prices[moved] = 1.08m;
        var deleted = prices.First(p => p.Value == 57.31m).Key;
        (await client.ApiDeleteAsync($"/api/v1/products/{deleted}")).AssertStatus(HttpStatusCode.NoContent);
        prices.Remove(deleted);

        await AssertTotalsAsync();
        Assert.Equal(1, bandReads);
    }

    [Fact]
    public async Task A_price_range_alone_reads_its_page_and_kept_total_in_one_round_trip_on_every_page()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var client = catalog.Client;
        var ids = new List<long>();
        foreach (var price in new[] { 5m, 6m, 7m, 8m, 9m, 50m })
        {
            ids.Add((await client.CreateProductAsync(price: price.ToString(CultureInfo.InvariantCulture))).Id());
        }

        using var counter = new SqlCommandCounter();
        foreach (var (offset, expected) in new[] { (0, new[] { 0, 1 }), (2, new[] { 2, 3 }), (4, new[] { 4 }), (9, Array.Empty<int>()) })
        {
            var (page, commands) = await counter.GetJsonAsync(client, $"/api/v1/products/search?min_price=5.00&max_price=9.00&limit=2&offset={offset}");
            Assert.Equal(5, page["total"]!.GetValue<long>());
            Assert.Equal(expected.Select(i => ids[i]), page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<long>()));
            Assert.Single(commands, sql => !SqlCommandCounter.ReadsPriceBands(sql));
        }
    }
}
