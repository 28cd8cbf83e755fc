using Commerce.Grains.Products;
using Commerce.ReadModel;
using Commerce.Tests.Infrastructure;
using Npgsql;

namespace Commerce.Tests.Storage;

/// <summary>
/// Migration 009 fills the search columns of rows written before it, in SQL: the grams it computes from
/// search_text are exactly the projection's (<see cref="SearchGrams"/>), in every script, and the category path is
/// the category row's.
/// </summary>
public sealed class SearchColumnsMigrationTests
{
    private static readonly (string Title, string Sku)[] Samples =
    [
        ("냉장고 대용량", "KR-1"), ("双肩背包", "CN-2"), ("冷蔵庫", "JP_3"), ("Straße Äpfel", "DE-4"), ("ΟΔΥΣΣΕΑΣ ς", "GR-5"),
        ("𠀀𠀁 rare", "X"), ("a", "B"), ("Смартфон Ёлка", "RU-6"), ("%_\\ literal", "LIT"),
    ];

    [Fact]
    public async Task The_backfill_gives_rows_written_before_it_the_projections_grams_and_their_categorys_path()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync("search_columns");
        var migrations = typeof(ProductGrain).Assembly;
        await new Commerce.Postgres.SchemaMigrator(migrations, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
            .MigrateAsync(connectionString, default);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection,
            "INSERT INTO categories (id, name, name_key, path, created_at, updated_at, version) VALUES " +
            "(1, 'Root', 'root', '{1}', now(), now(), 1), (2, 'Child', 'child', '{1,2}', now(), now(), 1)");
        for (var i = 0; i < Samples.Length; i++)
        {
            // As migration 008 left rows: no grams, no path (the columns' defaults).
            await ExecuteAsync(connection,
                "INSERT INTO products (id, title, description, sku, price, category_id, search_text, created_at, updated_at, version) " +
                "VALUES ($1, $2, '', $3, 1, $4, $5, now(), now(), 1)",
                i + 1, Samples[i].Title, Samples[i].Sku, i % 2 == 0 ? 2L : (object)DBNull.Value, SearchText.For(Samples[i].Title, Samples[i].Sku));
        }

        await ExecuteAsync(connection, Migration009());

        for (var i = 0; i < Samples.Length; i++)
        {
            await using var command = new NpgsqlCommand("SELECT search_grams, category_path FROM products WHERE id = $1", connection);
            command.Parameters.Add(new() { Value = i + 1 });
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(SearchGrams.For(Samples[i].Title, Samples[i].Sku), reader.GetFieldValue<string[]>(0).Order(StringComparer.Ordinal));
            long[] path = i % 2 == 0 ? [1, 2] : [];
            Assert.Equal(path, reader.GetFieldValue<long[]>(1));
        }
    }

    private static string Migration009()
    {
        using var stream = typeof(ProductGrain).Assembly.GetManifestResourceStream("sql/009_search_index_columns.sql")!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new() { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
