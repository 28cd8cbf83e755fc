using Commerce.Grains.Categories;
using Commerce.Grains.Products;
using Npgsql;

namespace Commerce.Tools.CatalogAudit;

/// <summary>
/// Rebuilds the read tables from grain state, with the grains' own row writers, in one transaction. It needs no
/// silo, so it works with the cluster down, and is safe with it up: it locks both read tables against writes
/// (reads go on) before reading state, so every row a grain wrote came from a state read here, and a grain write
/// that lands later waits for the commit and then applies, carrying a newer version. Only rows that differ from
/// their state are touched; they are deleted first and then written, so a stale row never blocks a rewritten one
/// on the unique SKU or sibling-name indexes. Rows of no resource are deleted. Last, the search totals
/// (<c>product_counts</c> and the others) and the word searches' copy (<c>product_texts</c>) that differ from the rows
/// are rewritten.
/// </summary>
public sealed class ReadTableRebuilder(string connectionString, string? serviceId = null)
{
    private const int BatchSize = 500;

    /// <summary>Between attempts to lock the read tables: long enough for the writes we let through to commit.</summary>
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(20);

    public async Task<RebuildResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = AuditConnection.Create(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockReadTablesAsync(connection, transaction, cancellationToken);

        var stored = await StoredCatalogQuery.ReadAsync(connection, serviceId ?? CatalogAuditor.DefaultServiceId, cancellationToken);
        var differences = await ReadTableDifferences.FindAsync(stored, connection, cancellationToken);
        var products = differences.ProductsToWrite.Select(p => p.Expected.Id).ToList();
        var categories = differences.CategoriesToWrite.Select(c => c.Expected.Id).ToList();
        await DeleteAsync(connection, "products", [.. products, .. differences.ProductsWithoutState], cancellationToken);
        await DeleteAsync(connection, "categories", [.. categories, .. differences.CategoriesWithoutState], cancellationToken);
        // Categories first: a product row takes its category path from its category's row.
        await WriteAsync(connection, differences.CategoriesToWrite, (command, row) =>
            CategoryReadRow.AddRowParameters(command.Parameters, row.Expected.Snapshot(), row.Expected.Path), CategoryReadRow.Upsert, cancellationToken);
        await WriteAsync(connection, differences.ProductsToWrite, (command, row) =>
            ProductReadRow.AddRowParameters(command.Parameters, row.Expected.Id, stored.Products[row.Expected.Id]), ProductReadRow.Upsert, cancellationToken);
        // Every product row now has its category's path: a root category's search may use the indexes that lead with
        // the root.
        await ExecuteAsync(connection, ProductCategoryPaths.MarkAllCurrent, cancellationToken);

        // The row writes above kept the counts in step with themselves; this repairs counts that were wrong before.
        var counts = await ProductCountChecks.RewriteAsync(connection, cancellationToken);
        var texts = await ProductTextChecks.RewriteAsync(connection, cancellationToken);
        // Not cancelled from here: a stop that reached the server during COMMIT could not tell whether it took effect.
        await transaction.CommitAsync(CancellationToken.None);
        return new RebuildResult(products.Count, differences.ProductsWithoutState.Count, categories.Count,
            differences.CategoriesWithoutState.Count, differences.CategoriesOutsideTree, counts, texts);
    }

    /// <summary>
    /// Takes both read tables against writes. A write takes the same two tables in either order (a product write its
    /// category's row and then its own, or the other way round once its statement's plan is cached; a category move its
    /// rows and then its products'), so no order of ours avoids a cycle with every write. Instead each attempt waits
    /// at most a quarter of <c>deadlock_timeout</c>: we give up and let the write through before the server's
    /// deadlock check could pick the write as its victim (the first version of this took the locks unguarded, and a
    /// rebuild beside product edits failed with 40P01). At least 1 ms, since 0 would mean no limit. Rolling back to the
    /// savepoint drops what the attempt held.
    /// Later statements wait as long as they must, like the commands.
    /// </summary>
    private static async Task LockReadTablesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, """
            SELECT set_config('lock_timeout', greatest(1, (extract(epoch FROM current_setting('deadlock_timeout')::interval) * 250)::int) || 'ms', true)
            """, cancellationToken);
        while (true)
        {
            await transaction.SaveAsync("read_table_locks", cancellationToken);
            try
            {
                await ExecuteAsync(connection, "LOCK TABLE categories, products IN EXCLUSIVE MODE", cancellationToken);
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                await transaction.RollbackAsync("read_table_locks", cancellationToken);
                await Task.Delay(LockRetryDelay, cancellationToken);
            }
        }

        await ExecuteAsync(connection, "SET LOCAL lock_timeout = 0", cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task DeleteAsync(NpgsqlConnection connection, string table, long[] ids, CancellationToken cancellationToken)
    {
        // The table name is one of two constants above, never input.
        await using var command = new NpgsqlCommand($"DELETE FROM {table} WHERE id = ANY($1)", connection);
        command.Parameters.Add(new() { Value = ids });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs the row writer's statement for each row, many to a round trip.</summary>
    private static async Task WriteAsync<T>(
        NpgsqlConnection connection, IReadOnlyList<T> rows, Action<NpgsqlBatchCommand, T> parameters, string sql, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(BatchSize))
        {
            await using var batch = new NpgsqlBatch(connection);
            foreach (var row in chunk)
            {
                var command = new NpgsqlBatchCommand(sql);
                parameters(command, row);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
