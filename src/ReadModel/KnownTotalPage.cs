using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Products;
using Npgsql;

namespace Commerce.ReadModel;

/// <summary>
/// A search page whose exact total is kept (<see cref="MaintainedTotals"/>) and whose filter an index hands over as a
/// set of matches (a short term's grams, a category subtree's path). The total is read first, with the catalog's
/// size, and picks the page's plan: walking the primary key reads about (offset + limit) × catalog ÷ total rows;
/// collecting the matches and sorting their ids (<see cref="OnePassPage"/>) visits each match once. The walk is
/// taken when it reads at most half as many rows as there are matches (a walked row, which is tested against the
/// filter, measured about twice the cost of a collected one; docs/PERFORMANCE.md, issue #13). Without that total a
/// dense match on a deep page walked tens of thousands of rows, and a sparse one was counted on top of its page.
/// </summary>
internal static class KnownTotalPage
{
    public static async Task<Page<ProductSnapshot>> ExecuteAsync(
        NpgsqlConnection connection, string totalSql, string where, IReadOnlyList<object> parameters, int limit, long offset,
        CancellationToken cancellationToken)
    {
        var (total, catalog) = await TotalsAsync(connection, totalSql, parameters, cancellationToken);
        if (offset >= total)
        {
            return new Page<ProductSnapshot>([], total);
        }

        if (!WalkIsCheaper(total, catalog, limit, offset))
        {
            return await OnePassPage.ExecuteAsync(connection, OnePassPage.Matches(where), parameters, limit, offset, cancellationToken);
        }

        await using var page = new NpgsqlCommand(
            $"SELECT {ProductRows.Columns} FROM products{where} ORDER BY id LIMIT {limit} OFFSET {offset}", connection).WithValues(parameters);
        var items = new List<ProductSnapshot>(limit);
        await using var rows = await page.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            items.Add(ProductRows.Read(rows));
        }

        return new Page<ProductSnapshot>(items, total);
    }

    /// <summary>A kept total and the catalog's size, in one round trip.</summary>
    public static async Task<(long Total, long Catalog)> TotalsAsync(
        NpgsqlConnection connection, string totalSql, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        await using var totals = new NpgsqlCommand($"SELECT ({totalSql}), ({MaintainedTotals.CatalogSql})", connection).WithValues(parameters);
        await using var reader = await totals.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Rows a walk reads (matches spread evenly over the ids) against half the matches one pass visits.</summary>
    public static bool WalkIsCheaper(long total, long catalog, int limit, long offset) =>
        (double)(offset + limit) * catalog / total <= total / 2.0;
}
