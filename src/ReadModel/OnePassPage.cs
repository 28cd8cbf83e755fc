using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Validation;
using Npgsql;

namespace Commerce.ReadModel;

/// <summary>
/// A search page and its exact total from one statement: the matching ids are found once (the GIN look-up and its
/// visit of every matching heap page, which a count pays anyway), counted, and the page is cut from them in id order.
/// Page-then-count finds the matches twice, and its page walks the primary key testing rows one by one, which is
/// long when the matches are rare or the offset deep. Where matches are a large part of the catalog the walk is short
/// and sorting every matching id costs more than it saves, so those shapes keep page-then-count (measured in
/// docs/PERFORMANCE.md, issue #13).
/// </summary>
internal static class OnePassPage
{
    /// <summary>From this offset on, a page walk costs more than sorting the matches even for a one-character term.</summary>
    private const long DeepOffset = 500;

    private static readonly string PageColumns = string.Join(", ", ProductRows.Columns.Split(", ").Select(column => "p." + column));

    /// <summary>
    /// Whether one pass is the cheaper plan: a text or category filter (an index that hands over the matches rather
    /// than an order), unless the only such filter is a one-character term (typically thousands of matches) on an
    /// early page. Price and stock filters alone keep page-then-count.
    /// </summary>
    public static bool Wins(ProductSearchCriteria criteria)
    {
        if (string.IsNullOrEmpty(criteria.Text))
        {
            return criteria.CategoryId is not null;
        }

        var broadTerm = criteria.CategoryId is null && CatalogText.Length(CaseFold.Fold(criteria.Text)) == 1;
        return !broadTerm || criteria.Offset >= DeepOffset;
    }

    /// <summary>The statement that selects the ids of the products a where clause matches.</summary>
    public static string Matches(string where) => "SELECT id FROM products" + where;

    /// <param name="matches">The statement that selects the ids of the matching products (<see cref="Matches"/>).</param>
    public static async Task<Page<ProductSnapshot>> ExecuteAsync(
        NpgsqlConnection connection, string matches, IReadOnlyList<object> parameters, int limit, long offset, CancellationToken cancellationToken)
    {
        // The total comes on every row, and on a row of nulls when the page is past the end. Limit and offset are
        // parameters, so that every page of a filter is one statement a connection keeps prepared (the plan cuts the
        // page from the sorted matches whatever they are; a primary-key walk, whose plan depends on them, writes them).
        var sql =
            $"""
            WITH matches AS MATERIALIZED ({matches}),
                 total AS (SELECT count(*) AS n FROM matches)
            SELECT {PageColumns}, total.n FROM total
            LEFT JOIN products p ON p.id IN (SELECT id FROM matches ORDER BY id LIMIT ${parameters.Count + 1} OFFSET ${parameters.Count + 2})
            ORDER BY p.id
            """;
        await using var command = new NpgsqlCommand(sql, connection).WithValues([.. parameters, limit, offset]);

        var items = new List<ProductSnapshot>(limit);
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            total = reader.GetInt64(reader.FieldCount - 1);
            if (!reader.IsDBNull(0))
            {
                items.Add(ProductRows.Read(reader));
            }
        }

        return new Page<ProductSnapshot>(items, total);
    }
}
