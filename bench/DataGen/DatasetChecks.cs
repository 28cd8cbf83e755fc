using System.Globalization;
using Commerce.Tools.CatalogAudit;
using Npgsql;

namespace Commerce.Bench.DataGen;

/// <summary>One check of the loaded catalog, with what was found.</summary>
internal sealed record DatasetCheck(string Rule, string Found, bool Holds);

/// <summary>
/// Checks that the loaded catalog is the dataset the benchmark expects (counts, a 100-level chain, ids the manifest's
/// ranges cover, every resource created once) and, with tools/CatalogAudit, that it is sound: the rules on grain
/// state and read rows equal to the states they project.
/// </summary>
internal static class DatasetChecks
{
    public static async Task<IReadOnlyList<DatasetCheck>> RunAsync(GeneratorOptions options, LoadedIds ids, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(ct);
        var checks = new List<DatasetCheck>();
        void Add(string rule, long value, bool holds) => checks.Add(new DatasetCheck(rule, value.ToString(CultureInfo.InvariantCulture), holds));
        async Task Expect(string rule, string sql, Func<long, bool> holds)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var value = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            Add(rule, value, holds(value));
        }

        await Expect("categories", "SELECT count(*) FROM categories", v => v == options.Categories);
        await Expect("products", "SELECT count(*) FROM products", v => v == options.Products);
        Add("product ids missing from the manifest's range", ids.LastProduct - ids.FirstProduct + 1 - options.Products, options.Products == 0 || ids.LastProduct - ids.FirstProduct + 1 == options.Products);
        await Expect("deepest level is exactly 100", "SELECT max(cardinality(path)) FROM categories", v => v == 100);
        await Expect("rows changed after their create (version <> 1)",
            "SELECT (SELECT count(*) FROM categories WHERE version <> 1) + (SELECT count(*) FROM products WHERE version <> 1)", v => v == 0);
        await Expect("products linked to a category (per mille)",
            "SELECT coalesce(round(1000 * avg((category_id IS NOT NULL)::int)), 0) FROM products", _ => true);

        var audit = await new CatalogAuditor(options.ConnectionString).RunAsync(ct);
        Add("audit violations (tools/CatalogAudit)", audit.Violations.Count, audit.IsClean);
        Add("audit warnings (stale SKU claims)", audit.Warnings.Count, audit.Warnings.Count == 0);
        return checks;
    }
}
