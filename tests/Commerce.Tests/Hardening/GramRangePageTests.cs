using System.Net;
using System.Text.Json.Nodes;
using Commerce.Tests.Api;
using Commerce.Tests.Orders;
using Npgsql;

using static Commerce.Tests.Hardening.SqlStatements;

namespace Commerce.Tests.Hardening;

/// <summary>
/// A one- or two-character term searched alone reads its counts per range of 4,096 ids (sql/022) and its page from the
/// ranges that hold it: the first whose matches reach past the offset up to the one that holds the page's last row.
/// Every page equals the rows' own answer, and its statement names those bounds. The rows are written straight into
/// the read table (with the counts' triggers on), so that their ids can lie in several ranges.
/// </summary>
public sealed class GramRangePageTests
{
    [Fact]
    public async Task A_term_alone_reads_its_page_from_the_ranges_that_hold_it_and_walks_only_dense_ones()
    {
        await using var catalog = await IsolatedCatalog.StartAsync();
        await using var database = new NpgsqlConnection(catalog.ConnectionString);
        await database.OpenAsync();
        // 'ж': ids 1-400 (range 0, dense), 4096-4099 (range 1) and 12300 (range 3); ids 401-600 and 8000 do not hold it.
        // '냉장': every hundredth id up to 600 (range 0), 8000 (range 1) and 12300 (range 3).
        await ExecuteAsync(database,
            """
            INSERT INTO products (id, title, description, sku, price, search_text, created_at, updated_at, version, search_grams, category_path)
            SELECT id, t.title, 'd', 'RANGE-' || id, 1, lower(t.title), now(), now(), 1, search_grams_of(lower(t.title)), '{}'
            FROM (SELECT generate_series(1, 600) UNION ALL SELECT generate_series(4096, 4099) UNION ALL VALUES (8000), (12300)) AS i (id),
                 LATERAL (SELECT CASE WHEN id <= 400 OR id BETWEEN 4096 AND 4099 OR id = 12300 THEN 'Жук ' ELSE 'Plain ' END
                                 || CASE WHEN id % 100 = 0 OR id = 12300 THEN '냉장고 ' ELSE '' END || id AS title) AS t
            """);
        var holders = await ColumnAsync<long>(database, "SELECT id FROM products WHERE search_grams @> ARRAY['ж'] ORDER BY id");
        Assert.Equal(405, holders.Count);

        using var counter = new SqlCommandCounter();
        // (term, offset, limit, the page's bounds, walked): 400 matches in 4,096 ids are dense enough to walk for an
        // early page; four in range 1 are not.
        var cases = new (string Term, int Offset, int Limit, string Bounds, bool Walk)[]
        {
            ("ж", 0, 2, "id >= 0 AND id < 4096", true),
            ("Ж", 398, 2, "id >= 0 AND id < 4096", false),
            ("ж", 399, 5, "id >= 0 AND id < 8192", false),
            ("ж", 401, 2, "id >= 4096 AND id < 8192", false),
            ("ж", 403, 2, "id >= 4096 AND id < 16384", false),
            ("ж", 404, 5, "id >= 12288 AND id < 16384", false),
            ("냉장", 0, 2, "id >= 0 AND id < 4096", false),
            ("냉장", 5, 2, "id >= 0 AND id < 8192", false),
            ("냉장", 7, 20, "id >= 12288 AND id < 16384", false),
        };
        foreach (var (term, offset, limit, bounds, walk) in cases)
        {
            var url = $"/api/v1/products/search?q={Uri.EscapeDataString(term)}&offset={offset}&limit={limit}";
            var (page, commands) = await counter.GetJsonAsync(catalog.Client, url);
            var what = $"{url}: {string.Join(" | ", commands)}";
            var expected = term is "ж" or "Ж" ? holders : await ColumnAsync<long>(database, "SELECT id FROM products WHERE search_grams @> ARRAY['냉장'] ORDER BY id");
            Assert.True(expected.Count == page["total"]!.GetValue<long>(), what);
            Assert.Equal(expected.Skip(offset).Take(limit), page["items"]!.AsArray().Select(item => item!.Id()));
            Assert.True(commands.Count == 2 && commands[0].Contains("gram_counts", StringComparison.Ordinal), what);
            Assert.True(commands[1].Contains(bounds, StringComparison.Ordinal), what);
            Assert.True(commands[1].Contains("= ANY (search_grams)", StringComparison.Ordinal) == walk, what);
            Assert.True(commands[1].Contains(walk ? "ORDER BY id LIMIT" : "ORDER BY id + 0 LIMIT", StringComparison.Ordinal), what);
            // A collected page is read from the bitmaps, never by testing the span's rows from the primary key.
            Assert.True(commands[1].StartsWith("SELECT set_config('enable_indexscan', 'off', true);", StringComparison.Ordinal) == !walk, what);
        }

        // Past the last match, the counts answer alone.
        var (past, pastCommands) = await counter.GetJsonAsync(catalog.Client, "/api/v1/products/search?q=ж&offset=405");
        Assert.Equal(405, past["total"]!.GetValue<long>());
        Assert.Empty(past["items"]!.AsArray());
        Assert.Single(pastCommands);

        // Every page of every size is the rows' own answer (the bounds above are the statements' business).
        foreach (var limit in new[] { 1, 7, 100 })
        {
            for (var offset = 0; offset <= holders.Count; offset += offset is > 380 and < 410 ? 1 : 19)
            {
                var (page, _) = await counter.GetJsonAsync(catalog.Client, $"/api/v1/products/search?q=ж&offset={offset}&limit={limit}");
                Assert.Equal(holders.Skip(offset).Take(limit), page["items"]!.AsArray().Select(item => item!.Id()));
            }
        }

        // Counts that promise rows the page does not find (in production: rows deleted between the two statements) are
        // not answered from: the search counts the rows instead.
        await ExecuteAsync(database, "INSERT INTO gram_counts VALUES ('ы', 2, 0, 5)");
        var (unfound, unfoundCommands) = await counter.GetJsonAsync(catalog.Client, "/api/v1/products/search?q=ы");
        Assert.Equal(0, unfound["total"]!.GetValue<long>());
        Assert.Empty(unfound["items"]!.AsArray());
        Assert.True(unfoundCommands.Count == 3 && unfoundCommands[1].Contains("id >= 8192 AND id < 12288", StringComparison.Ordinal)
            && unfoundCommands[2].Contains("MATERIALIZED", StringComparison.Ordinal), string.Join(" | ", unfoundCommands));
    }
}
