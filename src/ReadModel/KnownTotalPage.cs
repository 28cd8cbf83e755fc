using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Products;
using Npgsql;

namespace Commerce.ReadModel;

/// <summary>
/// A search page whose exact total is kept (<see cref="MaintainedTotals"/>) and whose filter an index hands over as a
/// set of matches (a category subtree's path, a short term within a root's tree; a short term alone reads where its
/// page starts as well, <see cref="GramRangePage"/>). The total is read first, with the catalog's size and, for a
/// top-level category, its tree's, and picks the page's plan: walking an index in id order reads about
/// (offset + limit) × rows ÷ total rows, the rows being the catalog's on the primary key or the tree's on the root's
/// b-tree (<see cref="RootSubtree.Walk"/>); collecting the matches and sorting their ids (<see cref="OnePassPage"/>)
/// visits each match once. A walk is taken when it reads at most half as many rows as there are matches (a walked
/// row, which is tested against the filter, measured about twice the cost of a collected one; docs/PERFORMANCE.md,
/// issue #13). Without that total a dense match on a deep page walked tens of thousands of rows, and a sparse one was
/// counted on top of its page.
/// </summary>
internal static class KnownTotalPage
{
    /// <param name="connection">The search's connection.</param>
    /// <param name="totalSql">The kept total; it may give NULL when the kept count does not answer this search.</param>
    /// <param name="walkWhere">The filter a walk of the primary key tests on each row.</param>
    /// <param name="root">The walk of the category's tree when the category may be a root, else null.</param>
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
        NpgsqlConnection connection, string totalSql, string walkWhere, RootWalk? root, string matches, IReadOnlyList<object> parameters,
        int limit, long offset, CancellationToken cancellationToken)
    {
        var (kept, catalog, tree) = await TotalsAsync(connection, totalSql, root?.TreeSql, parameters, cancellationToken);
        if (kept is not { } total)
        {
            return null;
        }

        if (offset >= total)
        {
            return new Page<ProductSnapshot>([], total);
        }

        // The tree is part of the catalog, so when the tree's walk is too long the primary key's is too. A walk of the
        // root alone reads index entries only, each far cheaper than a collected match, so it is taken at any offset.
        var walk = tree is { } products
            ? root!.IndexOnly || WalkIsCheaper(total, products, limit, offset) ? root.PageSql(limit, offset) : null
            : WalkIsCheaper(total, catalog, limit, offset) ? $"SELECT {ProductRows.Columns} FROM products{walkWhere} ORDER BY id LIMIT {limit} OFFSET {offset}" : null;
        if (walk is null)
        {
            return await OnePassPage.ExecuteAsync(connection, matches, parameters, limit, offset, cancellationToken);
        }

        await using var page = new NpgsqlCommand(walk, connection).WithValues(parameters);
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

    /// <summary>
    /// A kept total (null when the kept count does not answer), the catalog's size and, given its SQL, a root's tree's
    /// (null when the category is no current root), in one round trip.
    /// </summary>
    public static async Task<(long? Total, long Catalog, long? Tree)> TotalsAsync(
        NpgsqlConnection connection, string totalSql, string? treeSql, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        await using var totals = new NpgsqlCommand(
            $"SELECT ({totalSql}), ({MaintainedTotals.CatalogSql}), ({treeSql ?? "NULL::bigint"})", connection).WithValues(parameters);
        await using var reader = await totals.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
    }

    /// <summary>
    /// Rows a walk of <paramref name="rows"/> reads (matches spread evenly over the ids) against half the matches one
    /// pass visits.
    /// </summary>
    public static bool WalkIsCheaper(long total, long rows, int limit, long offset) =>
        (double)(offset + limit) * rows / total <= total / 2.0;
}
