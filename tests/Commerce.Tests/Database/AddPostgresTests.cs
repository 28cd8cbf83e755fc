using Commerce.Postgres;
using Commerce.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Commerce.Tests.Database;

public sealed class AddPostgresTests
{
    [Fact]
    public async Task A_configured_server_is_migrated_and_served_through_the_data_source()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync("hosted");
        using var host = BuildHost(new() { ["ConnectionStrings:Catalog"] = connectionString });

        Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<DatabaseEndpoint>().ConnectionString);
        await host.StartAsync();
        try
        {
            Assert.Single(host.Services.GetServices<IHostedService>());
            Assert.Equal(1L, await CountProbeRowsAsync(host.Services.GetRequiredService<NpgsqlDataSource>()));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Without_a_connection_string_a_private_server_runs_for_the_hosts_lifetime()
    {
        var folder = TestPostgresFolder.Create();
        try
        {
            var dataDirectory = TestPostgresFolder.DataDirectoryIn(folder);
            using var host = BuildHost(new() { ["Database:DataDirectory"] = dataDirectory });

            await host.StartAsync();
            Assert.Equal(1L, await CountProbeRowsAsync(host.Services.GetRequiredService<NpgsqlDataSource>()));
            await host.StopAsync();

            Assert.False(File.Exists(Path.Combine(dataDirectory, "postmaster.pid")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("0", 0)]
    public async Task A_statement_a_connection_runs_again_is_prepared_unless_turned_off(string? maxAutoPrepare, int prepared)
    {
        const string Probe = "select count(*) from migration_probe where id > $1";
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Catalog"] = await TestDatabase.CreateDatabaseAsync("prepared") };
        if (maxAutoPrepare is not null)
        {
            settings["Database:MaxAutoPrepare"] = maxAutoPrepare;
        }

        using var host = BuildHost(settings);
        await host.StartAsync();
        try
        {
            await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
            for (var run = 0; run < 3; run++)
            {
                await using var command = new NpgsqlCommand(Probe, connection) { Parameters = { new() { Value = 0L } } };
                Assert.Equal(1L, await command.ExecuteScalarAsync());
            }

            // Protocol-level statements of this session only: what Npgsql prepared, not SQL PREPAREs.
            await using var listing = new NpgsqlCommand("select statement from pg_prepared_statements where not from_sql", connection);
            var statements = new List<string>();
            await using (var reader = await listing.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    statements.Add(reader.GetString(0));
                }
            }

            Assert.Equal(Enumerable.Repeat(Probe, prepared), statements);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddPostgres(builder.Configuration, typeof(AddPostgresTests).Assembly);
        builder.Services.AddPostgres(builder.Configuration, typeof(AddPostgresTests).Assembly);
        return builder.Build();
    }

    private static async Task<object?> CountProbeRowsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select count(*) from migration_probe");
        return await command.ExecuteScalarAsync();
    }
}
