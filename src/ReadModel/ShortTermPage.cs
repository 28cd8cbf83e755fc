using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Products;
using Npgsql;

namespace Commerce.ReadModel;

/// <summary>
/// A search for a term of one or two characters and nothing else. Its exact total is the number of rows holding the
/// term as a gram, kept per gram by the row writes (<c>gram_counts</c>, sql/014), so it is read, not counted: a
/// common letter or digit pair matches a large part of the catalog, and counting it visited that part of the table.
/// Knowing the total before the page also picks the page's plan: walking the primary key reads about
/// (offset + limit) × catalog ÷ total rows, collecting and sorting the matches (<see cref="OnePassPage"/>) visits
/// every match; the walk is taken when it reads at most half as many rows (a walked row, which tests the grams
/// array, measured about twice the cost of a collected match; docs/PERFORMANCE.md, issue #13).
/// </summary>
internal static class ShortTermPage
{
    private const string Where = " WHERE search_grams @> ARRAY[$1::text]";

    private const string TotalsSql =
        """
        SELECT (SELECT coalesce(sum(products), 0)::bigint FROM gram_counts WHERE gram = $1),
               (SELECT coalesce(sum(products), 0)::bigint FROM product_counts WHERE category_id = 0)
        """;

    /// <summary>Whether the search is a short term alone (the totals cover no other filter).</summary>
    public static bool Answers(ProductSearchCriteria criteria, string foldedTerm) =>
        SearchGrams.Covers(foldedTerm)
        && criteria is { MinPrice: null, MaxPrice: null, CategoryId: null, InStock: null };

    public static async Task<Page<ProductSnapshot>> ExecuteAsync(
        NpgsqlDataSource database, string foldedTerm, int limit, long offset, CancellationToken cancellationToken)
    {
        long total, catalog;
        await using (var totals = database.CreateCommand(TotalsSql))
        {
            totals.Parameters.Add(new NpgsqlParameter { Value = foldedTerm });
            await using var reader = await totals.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (total, catalog) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        if (offset >= total)
        {
            return new Page<ProductSnapshot>([], total);
        }

        if (!WalkIsCheaper(total, catalog, limit, offset))
        {
            return await OnePassPage.ExecuteAsync(database, Where, [foldedTerm], limit, offset, cancellationToken);
        }

        await using var page = database.CreateCommand(
            $"SELECT {ProductRows.Columns} FROM products{Where} ORDER BY id LIMIT {limit} OFFSET {offset}");
        page.Parameters.Add(new NpgsqlParameter { Value = foldedTerm });
        var items = new List<ProductSnapshot>(limit);
        await using var rows = await page.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            items.Add(ProductRows.Read(rows));
        }

        return new Page<ProductSnapshot>(items, total);
    }

    /// <summary>Rows a walk reads (matches spread evenly over the ids) against half the matches one pass visits.</summary>
    internal static bool WalkIsCheaper(long total, long catalog, int limit, long offset) =>
        (double)(offset + limit) * catalog / total <= total / 2.0;
}
