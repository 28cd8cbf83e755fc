using System.Diagnostics;
using Commerce.Grains;
using Commerce.Runtime.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Spectre.Console;

namespace Commerce.Bench.DataGen;

/// <summary>How long each phase of a load took.</summary>
internal sealed record LoadTimings(TimeSpan Categories, TimeSpan Products, TimeSpan Indexes, TimeSpan Analyze, TimeSpan Total);

/// <summary>
/// Loads the generated rows into <c>categories</c> and <c>products</c> with binary COPY, in one transaction:
/// migrate the schema, refuse a non-empty catalog (unless told to truncate), drop the secondary indexes, COPY,
/// rebuild those indexes from their own definitions, move the id sequences past the loaded ids, commit, then
/// VACUUM ANALYZE. Constraints (primary keys, unique SKU, unique sibling names, foreign keys, path checks) stay
/// in force throughout, so the database itself re-checks every rule while loading.
/// </summary>
internal sealed class CatalogBulkLoader(GeneratorOptions options)
{
    private static readonly string[] Tables = ["categories", "products"];

    public async Task<LoadTimings> LoadAsync(
        IReadOnlyList<CategoryRow> categories, ProductGenerator products, ProgressContext progress, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var connectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            CommandTimeout = 0,
            Pooling = false,
        }.ConnectionString;

        // The service's own migrations, so the tables are exactly the ones it will use.
        await new SchemaMigrator(typeof(CategoryTreeRules).Assembly, NullLogger.Instance).MigrateAsync(connectionString, ct);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Held to the end of the transaction: nobody writes the catalog half-way through the load.
        await ExecuteAsync(connection, "LOCK TABLE categories, products IN ACCESS EXCLUSIVE MODE", ct);
        if (await ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT FROM categories) OR EXISTS (SELECT FROM products)", ct))
        {
            if (!options.Truncate)
            {
                throw new CatalogNotEmptyException();
            }

            await ExecuteAsync(connection, "TRUNCATE products, categories", ct);
        }

        await ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '1GB'", ct);
        var indexes = await DropSecondaryIndexesAsync(connection, ct);

        var phase = Stopwatch.StartNew();
        var categoryTask = progress.AddTask("categories (COPY)", maxValue: categories.Count);
        await CopyCategoriesAsync(connection, categories, categoryTask, ct);
        var categoryTime = phase.Elapsed;

        phase.Restart();
        var productTask = progress.AddTask("products (COPY)", maxValue: Math.Max(1, options.Products));
        await CopyProductsAsync(connection, products, productTask, ct);
        var productTime = phase.Elapsed;

        phase.Restart();
        var indexTask = progress.AddTask("indexes", maxValue: Math.Max(1, indexes.Count));
        foreach (var (name, definition) in indexes)
        {
            indexTask.Description = $"index {name}";
            await ExecuteAsync(connection, definition, ct);
            indexTask.Increment(1);
        }

        indexTask.Description = "indexes";
        indexTask.Value = indexTask.MaxValue;

        // Ids the service allocates next must be fresh; never move a sequence backwards.
        foreach (var (table, sequence) in new[] { ("categories", "category_ids"), ("products", "product_ids") })
        {
            await ExecuteAsync(connection,
                $"SELECT setval('{sequence}', greatest((SELECT coalesce(max(id), 1) FROM {table}), (SELECT last_value FROM {sequence})))", ct);
        }

        await transaction.CommitAsync(ct);
        var indexTime = phase.Elapsed;

        phase.Restart();
        var analyzeTask = progress.AddTask("vacuum analyze", maxValue: Tables.Length);
        foreach (var table in Tables)
        {
            await ExecuteAsync(connection, $"VACUUM (ANALYZE) {table}", ct);
            analyzeTask.Increment(1);
        }

        return new LoadTimings(categoryTime, productTime, indexTime, phase.Elapsed, total.Elapsed);
    }

    /// <summary>
    /// Drops the indexes that back no constraint (search trigrams, price, category, path, parent): building them
    /// once after the COPY is many times faster than updating them row by row. Returns their definitions as
    /// PostgreSQL prints them, so they come back exactly as the migration made them.
    /// </summary>
    private static async Task<List<(string Name, string Definition)>> DropSecondaryIndexesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var indexes = new List<(string, string)>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT i.relname, pg_get_indexdef(i.oid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace
              AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            ORDER BY t.relname, i.relname
            """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = Tables });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"", ct);
        }

        return indexes;
    }

    private static async Task CopyCategoriesAsync(
        NpgsqlConnection connection, IReadOnlyList<CategoryRow> rows, ProgressTask task, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY categories (id, parent_id, name, name_key, path, created_at, updated_at, version) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(row.Id, NpgsqlDbType.Bigint, ct);
            if (row.ParentId is { } parent)
            {
                await importer.WriteAsync(parent, NpgsqlDbType.Bigint, ct);
            }
            else
            {
                await importer.WriteNullAsync(ct);
            }

            await importer.WriteAsync(row.Name, NpgsqlDbType.Text, ct);
            await importer.WriteAsync(row.NameKey, NpgsqlDbType.Text, ct);
            await importer.WriteAsync(row.Path, NpgsqlDbType.Array | NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(1L, NpgsqlDbType.Bigint, ct);
            task.Increment(1);
        }

        await importer.CompleteAsync(ct);
    }

    private async Task CopyProductsAsync(NpgsqlConnection connection, ProductGenerator generator, ProgressTask task, CancellationToken ct)
    {
        const int ReportEvery = 1_000;
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY products (id, title, description, image_url, sku, price, category_id, search_text, created_at, updated_at, version) " +
            "FROM STDIN (FORMAT BINARY)", ct);
        for (long id = 1; id <= options.Products; id++)
        {
            var (_, state, searchText) = generator.Next(id);
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(id, NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(state.Title, NpgsqlDbType.Text, ct);
            await importer.WriteAsync(state.Description, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(importer, state.ImageUrl, NpgsqlDbType.Text, ct);
            await importer.WriteAsync(state.Sku, NpgsqlDbType.Text, ct);
            await importer.WriteAsync(state.Price, NpgsqlDbType.Numeric, ct);
            if (state.CategoryId is { } category)
            {
                await importer.WriteAsync(category, NpgsqlDbType.Bigint, ct);
            }
            else
            {
                await importer.WriteNullAsync(ct);
            }

            await importer.WriteAsync(searchText, NpgsqlDbType.Text, ct);
            await importer.WriteAsync(state.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(state.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(1L, NpgsqlDbType.Bigint, ct);
            if (id % ReportEvery == 0)
            {
                task.Increment(ReportEvery);
            }
        }

        await importer.CompleteAsync(ct);
        task.Value = task.MaxValue;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(ct);
        }
        else
        {
            await importer.WriteAsync(value, type, ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}

/// <summary>The catalog already holds data and <c>--truncate</c> was not given.</summary>
internal sealed class CatalogNotEmptyException()
    : Exception("The catalog already holds categories or products; pass --truncate to replace them (stop the service first).");
