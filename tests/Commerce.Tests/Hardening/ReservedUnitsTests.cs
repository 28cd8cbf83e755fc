using System.Net;
using Commerce.Tests.Api;
using Commerce.Tests.Carts;
using Commerce.Tests.Orders;
using Commerce.Tools.CatalogAudit;
using Npgsql;

namespace Commerce.Tests.Hardening;

/// <summary>
/// The kept sum of reserved units (<c>reserved_units</c>, sql/016), which the live-reservations gauge reads, equals
/// the sum of the product rows' <c>reserved</c> after concurrent cart reservations, releases, orders, restocks and
/// deletes of reserved products; the audit reports a stripe that differs and the rebuild rewrites it.
/// </summary>
public sealed class ReservedUnitsTests
{
    [Fact]
    public async Task The_kept_sum_equals_the_rows_after_concurrent_reservations_and_the_audit_repairs_a_wrong_stripe()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        var client = catalog.Client;
        var products = await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ => (await client.CreateProductAsync(stockOnHand: 20)).Id()));
        var carts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.CreateCartAsync()));

        var writes = Enumerable.Range(0, 64).Select(async i =>
        {
            var product = products[i % products.Length];
            var cart = carts[i % carts.Length];
            var outcome = (i % 8) switch
            {
                0 or 1 or 2 => await client.PutItemAsync(cart, product, 1 + (i % 3)),
                3 => await client.SendAsync(HttpMethod.Delete, $"/api/v1/carts/{cart}/items/{product}"),
                4 => await client.PlaceOrderAsync($"customer-{i}", [(product, 1)]),
                5 => await client.ApiPostAsync($"/api/v1/products/{product}/stock-adjustments", new { delta = 3, reason = "restock" }),
                6 => await client.PutItemAsync(cart, products[(i + 5) % products.Length], 2),
                _ => await client.ApiDeleteAsync($"/api/v1/products/{products[(i / 8) + 16]}"),
            };
            Assert.True(
                outcome.Status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent or HttpStatusCode.NotFound or HttpStatusCode.Conflict,
                $"write {i}: {outcome.Status} {outcome.Body}");
        });
        await Task.WhenAll(writes);

        await using var database = NpgsqlDataSource.Create(catalog.ConnectionString);
        async Task<long> ScalarAsync(string sql) => (long)(await database.CreateCommand(sql).ExecuteScalarAsync())!;
        var rows = await ScalarAsync("SELECT coalesce(sum(reserved), 0)::bigint FROM products");
        Assert.True(rows > 0, "the carts hold units");
        Assert.Equal(rows, await ScalarAsync("SELECT coalesce(sum(units), 0)::bigint FROM reserved_units"));
        Assert.Empty(await StripesThatDifferAsync(database));
        Assert.Empty((await new CatalogAuditor(catalog.ConnectionString).RunAsync()).Violations);

        var stripe = products[0] % 16;
        var inStripe = await ScalarAsync($"SELECT coalesce(sum(reserved), 0)::bigint FROM products WHERE id % 16 = {stripe}");
        await database.CreateCommand($"UPDATE reserved_units SET units = units + 7 WHERE stripe = {stripe}").ExecuteNonQueryAsync();

        var report = await new CatalogAuditor(catalog.ConnectionString).RunAsync();

        Assert.Contains($"reserved units equal the rows: stripe {stripe}: units {inStripe + 7} rows {inStripe}", report.Violations);
        var result = await new ReadTableRebuilder(catalog.ConnectionString).RunAsync();
        Assert.True(result.CountsRewritten >= 1, result.ToString());
        Assert.Empty((await new CatalogAuditor(catalog.ConnectionString).RunAsync()).Violations);
        Assert.Equal(rows, await ScalarAsync("SELECT coalesce(sum(units), 0)::bigint FROM reserved_units"));
    }

    /// <summary>Per stripe, the kept units against the rows' reserved units, summed without the migration's view.</summary>
    private static async Task<List<string>> StripesThatDifferAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(
            """
            SELECT s, coalesce((SELECT units FROM reserved_units WHERE stripe = s), 0),
                      coalesce((SELECT sum(reserved) FROM products WHERE id % 16 = s), 0)::bigint
            FROM generate_series(0, 15) AS s
            """);
        var differences = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (reader.GetInt64(1) != reader.GetInt64(2))
            {
                differences.Add($"stripe {reader.GetInt32(0)}: kept {reader.GetInt64(1)}, rows {reader.GetInt64(2)}");
            }
        }

        return differences;
    }
}
