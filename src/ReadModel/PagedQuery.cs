using Commerce.Grains.Interfaces.Common;
using Npgsql;

namespace Commerce.ReadModel;

/// <summary>
/// A list or search page with the exact total. The page is read first: when it is the last one (fewer rows than the
/// limit, and not an empty page past the end) it already tells the total, and counting — the part of a search that
/// costs O(matches) — is skipped. Otherwise the count follows on the same connection.
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

        if (items.Count < limit && (items.Count > 0 || offset == 0))
        {
            return new Page<T>(items, offset + items.Count);
        }

        await using var count = new NpgsqlCommand(countSql, connection).WithValues(parameters);
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        return new Page<T>(items, total);
    }
}
