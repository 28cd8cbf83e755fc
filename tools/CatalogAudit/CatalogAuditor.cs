using System.Data;
using Commerce.Grains.Hosting;
using Npgsql;

namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// Checks a catalog database: the rules on grain state (tree shape, sibling names, SKUs and their SKU grains, links
/// to categories, no unfinished delete), that the read tables are exactly the projection of that state (every
/// product and category row present and equal, search text and path included; no row of no resource; the search
/// totals and the word searches' copy kept beside them equal to what the rows give), and, given
/// the API, that every product's GET equals its row. States and rows are read in one snapshot; run it on a quiet
/// system all the same, since a grain writes its state and its row in two steps.
/// </summary>
public sealed class CatalogAuditor(string connectionString, HttpClient? api = null, string? serviceId = null)
{
    /// <summary>The storage id grain state is kept under when none is configured.</summary>
    public static readonly string DefaultServiceId = new CatalogClusterOptions().ServiceId;

    public async Task<AuditReport> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = AuditConnection.Create(connectionString);
        await connection.OpenAsync(cancellationToken);
        StoredCatalog stored;
        ReadTableDifferences differences;
        IReadOnlyList<ProductRow> productRows = [];
        List<string> keptViolations;
        await using (var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken))
        {
            stored = await StoredCatalogQuery.ReadAsync(connection, serviceId ?? DefaultServiceId, cancellationToken);
            differences = await ReadTableDifferences.FindAsync(stored, connection, cancellationToken);
            keptViolations = await ProductCountChecks.ViolationsAsync(connection, cancellationToken);
            keptViolations.AddRange(await ProductTextChecks.ViolationsAsync(connection, cancellationToken));
            if (api is not null)
            {
                productRows = [.. (await ReadTablesQuery.ProductsAsync(connection, cancellationToken)).Values];
            }

            await snapshot.CommitAsync(cancellationToken);
        }

        var violations = new List<string>();
        violations.AddRange(CategoryStateChecks.Run(stored));
        violations.AddRange(ProductStateChecks.Violations(stored));
        violations.AddRange(StockChecks.Violations(stored, DateTimeOffset.UtcNow));
        violations.AddRange(ProjectionViolations(differences));
        violations.AddRange(keptViolations);
        if (api is not null)
        {
            violations.AddRange(await new ApiProductCheck(api, connection).RunAsync(productRows, cancellationToken));
        }

        return new AuditReport(violations, [.. ProductStateChecks.Warnings(stored)]);
    }

    private static IEnumerable<string> ProjectionViolations(ReadTableDifferences differences) =>
        differences.ProductsToWrite.Select(p => $"product row equals state: product {p.Expected.Id}: {p.What}")
            .Concat(differences.CategoriesToWrite.Select(c => $"category row equals state: category {c.Expected.Id}: {c.What}"))
            .Concat(differences.ProductsWithoutState.Select(id => $"read row has a state: product {id}"))
            .Concat(differences.CategoriesWithoutState.Select(id => $"read row has a state: category {id} (none, or not in the tree)"));
}
