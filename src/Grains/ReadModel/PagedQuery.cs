using Commerce.Grains.Interfaces.Common;
using Npgsql;

namespace Commerce.Grains.ReadModel;

/// <summary>
/// A list or search as one round trip: the exact count and one page, sent together in a batch with the same
/// parameters, so the total holds whatever the offset (also past the last page).
/// </summary>
internal static class PagedQuery
{
    public static async Task<Page<T>> ExecuteAsync<T>(
        NpgsqlDataSource database, string countSql, string pageSql, IReadOnlyList<object> parameters, int limit,
        Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var count = new NpgsqlBatchCommand(countSql);
        var page = new NpgsqlBatchCommand(pageSql);
        foreach (var value in parameters)
        {
            count.Parameters.Add(new NpgsqlParameter { Value = value });
            page.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<T>(limit);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }

        return new Page<T>(items, total);
    }
}
