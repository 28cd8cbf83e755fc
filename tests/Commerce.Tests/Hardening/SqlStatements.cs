using Npgsql;

namespace Commerce.Tests.Hardening;

/// <summary>One statement against a test's database, for the tests that read or write the read tables directly.</summary>
internal static class SqlStatements
{
    public static async Task ExecuteAsync(NpgsqlConnection database, string sql)
    {
        await using var command = new NpgsqlCommand(sql, database);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row the statement returns, its placeholders bound to the values in order.</summary>
    /// <remarks>The statement runs in the connection's open transaction, if any.</remarks>
    public static async Task<List<T>> ColumnAsync<T>(NpgsqlConnection database, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, database);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }

        var column = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            column.Add(reader.GetFieldValue<T>(0));
        }

        return column;
    }
}
