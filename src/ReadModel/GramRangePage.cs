using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Products;
using Npgsql;

namespace Commerce.ReadModel;

/// <summary>
/// A page of a one- or two-character term searched alone, read from where it starts. The gram counts are kept per
/// range of 4,096 ids (sql/022), so one statement over the gram's counts gives the exact total and, summing the
/// ranges in id order, the range that holds the page's first row and how many matches lie before that range. The
/// page is then read from the primary key between that range and the one that holds its last row, skipping only the
/// matches before it within its first range: about one range's rows at most, however deep the page. Without the
/// ranges a deep page of a gram that 5,000-25,000 products hold collected and sorted all of them or walked the key
/// from the first id (10-20 ms at 117k products; docs/PERFORMANCE.md, issue #13).
/// </summary>
internal static class GramRangePage
{
    /// <param name="connection">The search's connection.</param>
    /// <param name="gramPlaceholder">The SQL parameter that holds the folded term.</param>
    /// <param name="where">The search's where clause: the term's gram condition and nothing else.</param>
    /// <param name="parameters">The values of the statements' placeholders.</param>
    /// <param name="limit">The page's size.</param>
    /// <param name="offset">The matches before the page.</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    /// <returns>
    /// The page, or null when the rows the counts promised were not there any more (deleted between the two
    /// statements); the caller then counts the matches instead.
    /// </returns>
    public static async Task<Page<ProductSnapshot>?> ExecuteAsync(
        NpgsqlConnection connection, string gramPlaceholder, string where, IReadOnlyList<object> parameters, int limit, long offset,
        CancellationToken cancellationToken)
    {
        // through: the matches up to the end of each range. The page starts in the first range that reaches past the
        // offset and ends in the first that reaches its last row, or the last range when none does.
        var offsetPlaceholder = "$" + (parameters.Count + 1);
        var endPlaceholder = "$" + (parameters.Count + 2);
        await using var bounds = new NpgsqlCommand(
            $"""
            WITH ranges AS (
                SELECT id_range, sum(products) AS n FROM gram_counts WHERE gram = {gramPlaceholder}
                GROUP BY id_range HAVING sum(products) > 0),
            running AS (SELECT id_range, n, sum(n) OVER (ORDER BY id_range) AS through FROM ranges)
            SELECT coalesce(max(through), 0)::bigint,
                   gram_id_range_start(min(id_range) FILTER (WHERE through > {offsetPlaceholder})),
                   min(through - n) FILTER (WHERE through > {offsetPlaceholder})::bigint,
                   gram_id_range_start(coalesce(min(id_range) FILTER (WHERE through >= {endPlaceholder}), max(id_range)) + 1),
                   coalesce(min(through) FILTER (WHERE through >= {endPlaceholder}), max(through))::bigint
            FROM running
            """, connection).WithValues([.. parameters, offset, offset + limit]);
        long total, firstId, before, endId, through;
        await using (var reader = await bounds.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            total = reader.GetInt64(0);
            if (offset >= total)
            {
                return new Page<ProductSnapshot>([], total);
            }

            (firstId, before, endId, through) = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        // The bounds are written into the statement, so the planner sees how many rows lie between them. A walk tests
        // the gram with = ANY, which the GIN index cannot answer, so that it stays a walk of the primary key. A
        // collected page must come from the matches' bitmaps: the planner prices reading the span from the primary
        // key as if rows in id order shared pages, which rows written by many grains at once do not, and such reads
        // tested 4,000-4,400 rows in 13-32 ms where the bitmaps took 3-5 ms. Sorting by id + 0, which no index yields,
        // rules out an ordered walk; plain index scans off, for the batch's implicit transaction alone, rules out
        // testing the span's rows from the key ('é' at offset 1,000: 14.7 against 4.9 ms).
        var skip = offset - before;
        var walk = WalkIsCheaper(total, endId - firstId, through - before, skip, limit);
        var (filter, order) = walk ? ($" WHERE {gramPlaceholder}::text = ANY (search_grams)", "id") : (where, "id + 0");
        await using var batch = new NpgsqlBatch(connection);
        if (!walk)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('enable_indexscan', 'off', true)"));
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"SELECT {ProductRows.Columns} FROM products{filter} AND id >= {firstId} AND id < {endId} ORDER BY {order} LIMIT {limit} OFFSET {skip}")
            .WithValues(parameters));
        var items = new List<ProductSnapshot>(limit);
        await using (var rows = await batch.ExecuteReaderAsync(cancellationToken))
        {
            if (!walk)
            {
                await rows.NextResultAsync(cancellationToken);
            }

            while (await rows.ReadAsync(cancellationToken))
            {
                items.Add(ProductRows.Read(rows));
            }
        }

        return items.Count == 0 ? null : new Page<ProductSnapshot>(items, total);
    }

    /// <summary>
    /// Whether to walk the primary key between the bounds, testing each row, rather than collect the matches there.
    /// The walk reads about (skip + limit) × ids ÷ matches rows of the span. Collecting builds the GIN bitmap of every
    /// row that holds the gram, wherever it is, and visits the span's matches; a walked row measured about as costly as
    /// a visited match or four bitmap entries (docs/PERFORMANCE.md, issue #13).
    /// </summary>
    private static bool WalkIsCheaper(long total, long spanIds, long spanMatches, long skip, int limit) =>
        (double)(skip + limit) * spanIds / spanMatches <= (total / 4.0) + spanMatches;
}
