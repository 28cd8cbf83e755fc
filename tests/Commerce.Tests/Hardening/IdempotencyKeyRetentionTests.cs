using System.Net;
using System.Text.Json;
using Commerce.Tests.Api;
using Commerce.Tests.Carts;
using Commerce.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;

namespace Commerce.Tests.Hardening;

/// <summary>
/// Idempotency-Keys are kept at least 24 h (API.md) and deleted once unused for <c>ReadRows:IdempotencyKeyRetention</c>
/// (48 h), so their states do not pile up in <c>OrleansStorage</c> forever.
/// </summary>
public sealed class IdempotencyKeyRetentionTests
{
    private static readonly IReadOnlyDictionary<string, string> FrequentCleanup = new Dictionary<string, string>
    {
        ["ReadRows:Interval"] = "00:00:01",
        ["ReadRows:IdempotencyKeyCleanupInterval"] = "00:00:01",
    };

    [Fact]
    public async Task A_key_unused_for_48_hours_is_deleted_and_one_unused_for_25_hours_is_kept()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: FrequentCleanup);
        var product = await catalog.Client.CreateProductAsync(stockOnHand: 10);
        var oldKey = "old-" + Unique.Token();
        var dayKey = "day-" + Unique.Token();
        (await Adjust(catalog, product.Id(), 1, oldKey)).AssertStatus(HttpStatusCode.OK);
        (await Adjust(catalog, product.Id(), 1, dayKey)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(1, await KeyRowsAsync(catalog, oldKey));
        Assert.Equal(1, await KeyRowsAsync(catalog, dayKey));

        await BackdateAsync(catalog, oldKey, hours: 49);
        await BackdateAsync(catalog, dayKey, hours: 25);

        await Eventually.TrueAsync(async () => await KeyRowsAsync(catalog, oldKey) == 0, TimeSpan.FromSeconds(30), "the 49-hour-old key to be deleted");
        Assert.Equal(1, await KeyRowsAsync(catalog, dayKey));
        // Once no activation remembers it either, the deleted key is free: another body under it is a new request.
        await catalog.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        (await Adjust(catalog, product.Id(), 5, oldKey)).AssertStatus(HttpStatusCode.OK);
        (await Adjust(catalog, product.Id(), 5, dayKey)).AssertInvalid("Idempotency-Key");
        Assert.Equal(17, (await catalog.Client.StockOfAsync(product.Id()))["on_hand"]!.GetValue<long>());
    }

    private static Task<ApiResponse> Adjust(IsolatedCatalog catalog, long id, long delta, string key) =>
        catalog.Client.SendAsync(HttpMethod.Post, $"/api/v1/products/{id}/stock-adjustments",
            JsonSerializer.Serialize(new { delta, reason = "restock" }), idempotencyKey: key);

    private static async Task<long> KeyRowsAsync(IsolatedCatalog catalog, string key)
    {
        await using var database = NpgsqlDataSource.Create(catalog.ConnectionString);
        await using var command = database.CreateCommand(
            "SELECT count(*) FROM orleansstorage WHERE graintypestring = 'idempotency-key' AND grainidextensionstring = $1");
        command.Parameters.Add(new() { Value = key });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task BackdateAsync(IsolatedCatalog catalog, string key, int hours)
    {
        await using var database = NpgsqlDataSource.Create(catalog.ConnectionString);
        await using var command = database.CreateCommand(
            "UPDATE orleansstorage SET modifiedon = modifiedon - make_interval(hours => $2) WHERE graintypestring = 'idempotency-key' AND grainidextensionstring = $1");
        command.Parameters.Add(new() { Value = key });
        command.Parameters.Add(new() { Value = hours });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
