using Commerce.Grains.Interfaces.Common;
using Npgsql;

namespace Commerce.ReadModel;

/// <summary>
/// A list or search page with the exact total. The page is read first: when it is the last one (fewer rows than the
/// limit, and not an empty page past the end) it already tells the total, and counting — the part of a search that
/// costs O(matches) — is skipped. Otherwise the count follows on the same connection. A total the product row writes
/// keep (<see cref="MaintainedTotals"/>) costs a few index look-ups, less than a round trip of its own, so it goes
/// with the page in one batch (<see cref="ExecuteWithKeptTotalAsync"/>).
/// </summary>
internal static class PagedQuery
{
    public static async Task<Page<T>> ExecuteAsync<T>(
        NpgsqlDataSource database, string countSql, string pageSql, IReadOnlyList<object> parameters, int limit, long offset,
        Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ExecuteAsync(connection, countSql, pageSql, parameters, limit, offset, read, cancellationToken);
    }

    public static async Task<Page<T>> ExecuteAsync<T>(
        NpgsqlConnection connection, string countSql, string pageSql, IReadOnlyList<object> parameters, int limit, long offset,
        Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var items = new List<T>(limit);
        await using (var page = new NpgsqlCommand(pageSql, connection).WithValues(parameters))
        await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(read(reader));
            }
        }

        if (IsLastPage(items.Count, limit, offset))
        {
            return new Page<T>(items, offset + items.Count);
        }

        await using var count = new NpgsqlCommand(countSql, connection).WithValues(parameters);
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        return new Page<T>(items, total);
    }

    /// <summary>
    /// The page and its kept total in one round trip. On this machine a round trip costs the service ~0.08 ms of CPU
    /// and PostgreSQL ~0.16 ms, more than reading a kept total (docs/PERFORMANCE.md, issue #13). A short last page
    /// still tells its own total, so page and total agree even when a product was written between the two statements.
    /// </summary>
    public static async Task<Page<T>> ExecuteWithKeptTotalAsync<T>(
        NpgsqlConnection connection, string totalSql, string pageSql, IReadOnlyList<object> parameters, int limit, long offset,
        Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { new NpgsqlBatchCommand(pageSql).WithValues(parameters), new NpgsqlBatchCommand(totalSql).WithValues(parameters) },
        };
        var items = new List<T>(limit);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        return new Page<T>(items, IsLastPage(items.Count, limit, offset) ? offset + items.Count : total);
    }

    /// <summary>Fewer rows than the limit, and not an empty page past the end: the page tells the total.</summary>
    private static bool IsLastPage(int rows, int limit, long offset) => rows < limit && (rows > 0 || offset == 0);
}
