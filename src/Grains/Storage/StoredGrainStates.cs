using System.Globalization;
using Commerce.Grains.Orders;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Commerce.Grains.Storage;

/// <summary>
/// Reads grain state straight from <c>OrleansStorage</c>, whose JSON payloads SQL can see: the category tree loads
/// the tree's shape from the category grains' state, and the read-row sweep finds states that changed lately.
/// Integer grain keys are in <c>GrainIdN1</c>; the state name is <c>GrainTypeString</c>.
/// </summary>
public sealed class StoredGrainStates(NpgsqlDataSource database, IOptions<ClusterOptions> cluster)
{
    /// <summary>Every existing category: id, parent, name and version.</summary>
    public async Task<List<(long Id, long? ParentId, string Name, long Version)>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            SELECT grainidn1, (payloadjson->>'parent_id')::bigint, payloadjson->>'name', (payloadjson->>'version')::bigint
            FROM orleansstorage
            WHERE serviceid = $1 AND graintypestring = $2 AND payloadjson IS NOT NULL AND (payloadjson->>'version')::bigint > 0
            """);
        command.Parameters.Add(new() { Value = cluster.Value.ServiceId });
        command.Parameters.Add(new() { Value = GrainStorageNames.Category });
        var categories = new List<(long, long?, string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            categories.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return categories;
    }

    /// <summary>
    /// Products whose state changed since <paramref name="since"/> (storage clock, UTC) and whose read row does not
    /// show that state's version: a crash fell between the two writes. A cleared state (deleted product) with a row
    /// left behind counts too.
    /// </summary>
    public async Task<List<long>> ProductsBehindAsync(DateTime since, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            SELECT s.grainidn1
            FROM orleansstorage s
            LEFT JOIN products p ON p.id = s.grainidn1
            WHERE s.serviceid = $1 AND s.graintypestring = $2 AND s.modifiedon >= $3
              AND CASE WHEN s.payloadjson IS NULL OR (s.payloadjson->>'version')::bigint = 0 THEN p.id IS NOT NULL
                       ELSE p.version IS DISTINCT FROM (s.payloadjson->>'version')::bigint END
            """);
        command.Parameters.Add(new() { Value = cluster.Value.ServiceId });
        command.Parameters.Add(new() { Value = GrainStorageNames.Product });
        command.Parameters.Add(new() { Value = DateTime.SpecifyKind(since, DateTimeKind.Unspecified), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Timestamp });
        var products = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            products.Add(reader.GetInt64(0));
        }

        return products;
    }

    /// <summary>
    /// Orders whose placement or cancel stopped mid-way (<see cref="OrderSteps.Unfinished"/>, numbers as the JSON holds
    /// <c>OrderStep</c>) and whose state was last written between <paramref name="since"/> and
    /// <paramref name="before"/>: a crash cut them short, and nobody has asked for them since.
    /// </summary>
    public async Task<List<long>> UnfinishedOrdersAsync(DateTime since, DateTime before, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            SELECT grainidn1 FROM orleansstorage
            WHERE serviceid = $1 AND graintypestring = $2 AND modifiedon >= $3 AND modifiedon < $4
              AND payloadjson->>'step' = ANY($5)
            """);
        command.Parameters.Add(new() { Value = cluster.Value.ServiceId });
        command.Parameters.Add(new() { Value = GrainStorageNames.Order });
        command.Parameters.Add(new() { Value = DateTime.SpecifyKind(since, DateTimeKind.Unspecified), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Timestamp });
        command.Parameters.Add(new() { Value = DateTime.SpecifyKind(before, DateTimeKind.Unspecified), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Timestamp });
        command.Parameters.Add(new() { Value = OrderSteps.Unfinished.Select(step => ((int)step).ToString(CultureInfo.InvariantCulture)).ToArray() });
        var orders = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(reader.GetInt64(0));
        }

        return orders;
    }

    /// <summary>Deletes the Idempotency-Key states last written before <paramref name="before"/> (storage clock, UTC).</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> DeleteIdempotencyKeysAsync(DateTime before, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "DELETE FROM orleansstorage WHERE serviceid = $1 AND graintypestring = $2 AND modifiedon < $3");
        command.Parameters.Add(new() { Value = cluster.Value.ServiceId });
        command.Parameters.Add(new() { Value = GrainStorageNames.IdempotencyKey });
        command.Parameters.Add(new() { Value = DateTime.SpecifyKind(before, DateTimeKind.Unspecified), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Timestamp });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The storage's clock (UTC, as <c>ModifiedOn</c> is written), so the sweep needs no clock agreement.</summary>
    public async Task<DateTime> NowAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("SELECT now() AT TIME ZONE 'utc'");
        return (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Every product id with state, for a full rebuild of the read table.</summary>
    public async Task<List<long>> AllProductsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "SELECT grainidn1 FROM orleansstorage WHERE serviceid = $1 AND graintypestring = $2");
        command.Parameters.Add(new() { Value = cluster.Value.ServiceId });
        command.Parameters.Add(new() { Value = GrainStorageNames.Product });
        var products = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            products.Add(reader.GetInt64(0));
        }

        return products;
    }
}
