using Commerce.Postgres;
using Commerce.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Commerce.Tests.Database;

public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly string folder = TestPostgresFolder.Create();

    private EmbeddedPostgresSettings Settings => new(TestPostgresFolder.DataDirectoryIn(folder), "embedded_test");

    [Fact]
    public async Task The_server_starts_answers_keeps_fsync_on_and_stops()
    {
        var server = await EmbeddedPostgres.StartAsync(Settings, NullLogger.Instance, default);
        try
        {
            Assert.True(server.OwnsServer);
            Assert.Equal(1, await ScalarAsync(server.ConnectionString, "select 1"));
            Assert.Equal("on", await ScalarAsync(server.ConnectionString, "show fsync"));
            Assert.Equal("off", await ScalarAsync(server.ConnectionString, "show jit"));
            var expectedBuffers = PostgresDataDirectory.SharedBuffersMegabytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
            Assert.Equal(expectedBuffers * 1024 * 1024,
                await ScalarAsync(server.ConnectionString, "select pg_size_bytes(current_setting('shared_buffers'))::bigint"));
            Assert.Equal("embedded_test", await ScalarAsync(server.ConnectionString, "select current_database()"));
        }
        finally
        {
            await server.StopAsync();
        }

        Assert.False(File.Exists(Path.Combine(server.DataDirectory, "postmaster.pid")));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ScalarAsync(server.ConnectionString, "select 1"));
    }

    [Fact]
    public async Task A_running_server_is_reused_and_keeps_its_rows_across_a_crash_and_restart()
    {
        var first = await EmbeddedPostgres.StartAsync(Settings, NullLogger.Instance, default);
        try
        {
            await ScalarAsync(first.ConnectionString, "create table kept (n int); insert into kept values (1), (2)");

            await using (var second = await EmbeddedPostgres.StartAsync(Settings, NullLogger.Instance, default))
            {
                Assert.False(second.OwnsServer);
                Assert.Equal(first.ConnectionString, second.ConnectionString);
            }

            // Disposing the reusing instance must have left the server up.
            Assert.Equal(2L, await ScalarAsync(first.ConnectionString, "select count(*) from kept"));
        }
        finally
        {
            await first.StopAsync();
        }

        // As after a crash and reboot: a lock file whose process id now belongs to an unrelated live process.
        var pidFile = Path.Combine(first.DataDirectory, "postmaster.pid");
        await File.WriteAllTextAsync(pidFile, $"{Environment.ProcessId}\n{first.DataDirectory}\n0\n5432\n");

        await using var restarted = await EmbeddedPostgres.StartAsync(Settings, NullLogger.Instance, default);
        Assert.True(restarted.OwnsServer);
        Assert.Equal(2L, await ScalarAsync(restarted.ConnectionString, "select count(*) from kept"));
    }

    [Fact]
    public async Task Missing_binaries_are_reported_with_where_it_looked_and_how_to_fix_it()
    {
        var settings = Settings with { BinDirectory = "/nonexistent/postgres/bin" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => EmbeddedPostgres.StartAsync(settings, NullLogger.Instance, default));

        Assert.Contains("PostgreSQL binaries", error.Message, StringComparison.Ordinal);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/postgres/bin", error.Message, StringComparison.Ordinal);
        Assert.Contains("Database:BinDirectory", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Catalog", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_root_an_unreachable_data_folder_is_named_in_the_error()
    {
        if (!PostgresCommand.IsRoot || OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var settings = Settings with { DataDirectory = Path.Combine(folder, "nested", "data") };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => EmbeddedPostgres.StartAsync(settings, NullLogger.Instance, default));

        Assert.Contains($"'{folder}' is not traversable", error.Message, StringComparison.Ordinal);
        Assert.Contains("Database:DataDirectory", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Theory]
    [InlineData(256L * 1024 * 1024, 128)] // a quarter would be 64 MB: the floor applies
    [InlineData(4L * 1024 * 1024 * 1024, 1024)]
    [InlineData(24L * 1024 * 1024 * 1024, 2048)] // a quarter would be 6 GB: the ceiling applies
    public void Shared_buffers_are_a_quarter_of_memory_between_128_MB_and_2_GB(long memoryBytes, long expectedMegabytes) =>
        Assert.Equal(expectedMegabytes, PostgresDataDirectory.SharedBuffersMegabytes(memoryBytes));
}
