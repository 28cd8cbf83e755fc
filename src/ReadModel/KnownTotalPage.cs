using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Products;
using Npgsql;

namespace Commerce.ReadModel;

/// <summary>
/// A search page whose exact total is kept (<see cref="MaintainedTotals"/>) and whose filter an index hands over as a
/// set of matches (a category subtree's path, a short term within a root's tree; a short term alone reads where its
/// page starts as well, <see cref="GramRangePage"/>). The total is
/// read first, with the catalog's size, and picks the page's plan: walking the primary key reads about
/// (offset + limit) × catalog ÷ total rows; collecting the matches and sorting their ids (<see cref="OnePassPage"/>)
/// visits each match once. The walk is taken when it reads at most half as many rows as there are matches (a walked
/// row, which is tested against the filter, measured about twice the cost of a collected one; docs/PERFORMANCE.md,
/// issue #13). Without that total a dense match on a deep page walked tens of thousands of rows, and a sparse one was
/// counted on top of its page.
/// </summary>
internal static class KnownTotalPage
{
    /// <param name="connection">The search's connection.</param>
    /// <param name="totalSql">The kept total; it may give NULL when the kept count does not answer this search.</param>
    /// <param name="walkWhere">The filter a walk of the primary key tests on each row.</param>
    /// <param name="matches">The ids of the matches, for the one pass.</param>
    /// <param name="parameters">The values of the statements' placeholders.</param>
    /// <param name="limit">The page's size.</param>
    /// <param name="offset">The matches before the page.</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    /// <returns>
    /// The page, or null when the kept total does not answer the search or the walk found none of the rows the total
    /// promised (rows deleted, or the category stopped being a root, between the two statements); the caller then
    /// searches without the kept total.
    /// </returns>
    public static async Task<Page<ProductSnapshot>?> ExecuteAsync(
        NpgsqlConnection connection, string totalSql, string walkWhere, string matches, IReadOnlyList<object> parameters, int limit,
        long offset, CancellationToken cancellationToken)
    {
        var (kept, catalog) = await TotalsAsync(connection, totalSql, parameters, cancellationToken);
        if (kept is not { } total)
        {
            return null;
        }

        if (offset >= total)
        {
            return new Page<ProductSnapshot>([], total);
        }

        if (!WalkIsCheaper(total, catalog, limit, offset))
        {
            return await OnePassPage.ExecuteAsync(connection, matches, parameters, limit, offset, cancellationToken);
        }

        await using var page = new NpgsqlCommand(
            $"SELECT {ProductRows.Columns} FROM products{walkWhere} ORDER BY id LIMIT {limit} OFFSET {offset}", connection).WithValues(parameters);
        var items = new List<ProductSnapshot>(limit);
        await using (var rows = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                items.Add(ProductRows.Read(rows));
            }
        }

        return items.Count == 0 ? null : new Page<ProductSnapshot>(items, total);
    }

    /// <summary>A kept total (null when the kept count does not answer) and the catalog's size, in one round trip.</summary>
    public static async Task<(long? Total, long Catalog)> TotalsAsync(
        NpgsqlConnection connection, string totalSql, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        await using var totals = new NpgsqlCommand($"SELECT ({totalSql}), ({MaintainedTotals.CatalogSql})", connection).WithValues(parameters);
        await using var reader = await totals.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Rows a walk reads (matches spread evenly over the ids) against half the matches one pass visits.</summary>
    public static bool WalkIsCheaper(long total, long catalog, int limit, long offset) =>
        (double)(offset + limit) * catalog / total <= total / 2.0;
}
