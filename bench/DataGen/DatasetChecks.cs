using Npgsql;

namespace Commerce.Bench.DataGen;

/// <summary>One rule checked against the loaded rows, with what was found.</summary>
internal sealed record DatasetCheck(string Rule, string Found, bool Holds);

/// <summary>
/// Re-reads the loaded catalog and checks the rules the service relies on, the ones the bulk load could in
/// principle have broken by going around the grains: tree shape, paths, unique names and SKUs, sequences.
/// </summary>
internal static class DatasetChecks
{
    public static async Task<IReadOnlyList<DatasetCheck>> RunAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var checks = new List<DatasetCheck>();
        async Task<long> Count(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        async Task Expect(string rule, string sql, Func<long, bool> holds)
        {
            var value = await Count(sql);
            checks.Add(new DatasetCheck(rule, value.ToString(System.Globalization.CultureInfo.InvariantCulture), holds(value)));
        }

        await Expect("deepest level is exactly 100", "SELECT max(cardinality(path)) FROM categories", v => v == 100);
        await Expect("paths = parent's path + own id (violations)",
            "SELECT count(*) FROM categories c LEFT JOIN categories p ON p.id = c.parent_id " +
            "WHERE c.path <> coalesce(p.path, '{}'::bigint[]) || c.id OR (c.parent_id IS NOT NULL AND p.id IS NULL)", v => v == 0);
        await Expect("sibling name_key duplicates",
            "SELECT count(*) FROM (SELECT FROM categories GROUP BY parent_id, name_key HAVING count(*) > 1) d", v => v == 0);
        await Expect("sku duplicates", "SELECT count(*) FROM (SELECT FROM products GROUP BY sku HAVING count(*) > 1) d", v => v == 0);
        await Expect("rows with version <> 1 or updated_at <> created_at",
            "SELECT (SELECT count(*) FROM categories WHERE version <> 1 OR updated_at <> created_at) + " +
            "(SELECT count(*) FROM products WHERE version <> 1 OR updated_at <> created_at)", v => v == 0);
        await Expect("search_text without the U+001F separator",
            "SELECT count(*) FROM products WHERE strpos(search_text, chr(31)) = 0", v => v == 0);
        await Expect("products linked to a category (per mille)",
            "SELECT coalesce(round(1000 * avg((category_id IS NOT NULL)::int)), 0) FROM products", _ => true);
        await Expect("category_ids sequence behind max(id) (by)",
            "SELECT greatest(0, (SELECT coalesce(max(id), 0) FROM categories) - (SELECT last_value FROM category_ids))", v => v == 0);
        await Expect("product_ids sequence behind max(id) (by)",
            "SELECT greatest(0, (SELECT coalesce(max(id), 0) FROM products) - (SELECT last_value FROM product_ids))", v => v == 0);
        return checks;
    }
}
