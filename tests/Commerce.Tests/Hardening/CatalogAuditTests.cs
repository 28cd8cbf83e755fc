using System.Diagnostics;
using Commerce.Tests.Api;
using Commerce.Tests.Grains;
using Commerce.Tools.CatalogAudit;
using Npgsql;

namespace Commerce.Tests.Hardening;

/// <summary>
/// The audit sees what it must: read rows that differ from grain state, rows of no resource, a broken rule in the
/// state itself, and a SKU claim left behind (a warning, since the next claim of that SKU clears it).
/// </summary>
public sealed class CatalogAuditTests
{
    [Fact]
    public async Task Audit_reports_each_damaged_read_row()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: RebuildSample.NoSweep);
        var sample = await RebuildSample.CreateAsync(catalog.Client);
        await sample.DamageReadTablesAsync(catalog.ConnectionString);

        var report = await new CatalogAuditor(catalog.ConnectionString).RunAsync();

        Assert.Equal(
            [
                $"product row equals state: product {sample.Hammer}: missing",
                $"product row equals state: product {sample.Drill}: title row='Wrong title' state='Rebuilt drill'; " +
                    "search_text row='wrong title' state='rebuilt drill\u001f" + (await SkuOfAsync(catalog, sample.Drill)).ToLowerInvariant() + "'",
                $"category row equals state: category {sample.Saws}: missing",
                $"category row equals state: category {sample.HandSaws}: path row={sample.Garden},{sample.HandSaws} state={sample.Tools},{sample.Saws},{sample.HandSaws}",
                $"read row has a state: product {RebuildSample.GhostId}",
                $"read row has a state: category {RebuildSample.GhostId} (none, or not in the tree)",
            ],
            report.Violations);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public async Task Audit_checks_the_rules_on_grain_state_and_warns_of_a_stale_sku_claim()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: RebuildSample.NoSweep);
        var sample = await RebuildSample.CreateAsync(catalog.Client);
        var oldSku = await SkuOfAsync(catalog, sample.Loose);
        var newSku = Unique.Sku();
        (await catalog.Client.ApiPatchAsync($"/api/v1/products/{sample.Loose}", new { sku = newSku })).AssertStatus(System.Net.HttpStatusCode.OK);
        await ExecuteAsync(catalog,
            """
            UPDATE orleansstorage SET payloadjson = jsonb_build_object('product_id', @loose)
            WHERE graintypestring = 'sku' AND grainidextensionstring = @oldSku;
            UPDATE orleansstorage SET payloadjson = jsonb_set(payloadjson, '{parent_id}', to_jsonb(@garden))
            WHERE graintypestring = 'category' AND grainidn1 = @garden;
            """,
            ("loose", sample.Loose), ("oldSku", oldSku), ("garden", sample.Garden));

        var report = await new CatalogAuditor(catalog.ConnectionString).RunAsync();

        Assert.Contains($"no cycle: category {sample.Garden} is its own ancestor", report.Violations);
        Assert.Equal([$"stale SKU claim: {oldSku} names product {sample.Loose}, which carries {newSku}"], report.Warnings);
    }

    [Fact]
    public async Task Audit_and_rebuild_wait_for_a_statement_longer_than_the_connections_command_timeout()
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: RebuildSample.NoSweep);
        await RebuildSample.CreateAsync(catalog.Client);
        // A statement held up by a lock for 3 s stands for a whole-table check at a million products, which took longer
        // than the default 30 s there; this connection string allows a command 1 s.
        var oneSecond = new NpgsqlConnectionStringBuilder(catalog.ConnectionString) { CommandTimeout = 1 }.ConnectionString;

        var audit = await WhileTextCopiesAreLockedAsync(catalog, () => new CatalogAuditor(oneSecond).RunAsync());
        var rebuild = await WhileTextCopiesAreLockedAsync(catalog, () => new ReadTableRebuilder(oneSecond).RunAsync());

        Assert.Empty(audit.Violations);
        Assert.Equal(0, rebuild.ProductsWritten + rebuild.ProductsDeleted + rebuild.CategoriesWritten + rebuild.CategoriesDeleted
            + rebuild.CountsRewritten + rebuild.TextsRewritten);
    }

    [Theory]
    [InlineData("audit", "INT")]
    [InlineData("rebuild", "INT")]
    [InlineData("audit", "TERM")]
    [InlineData("rebuild", "TERM")]
    public async Task Ctrl_C_or_SIGTERM_stops_the_command_and_cancels_its_statement_on_the_server(string command, string signal)
    {
        await using var catalog = await IsolatedCatalog.StartAsync(settings: RebuildSample.NoSweep);
        await RebuildSample.CreateAsync(catalog.Client);
        await using var holder = new NpgsqlConnection(catalog.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await LockTextCopiesAsync(holder);

        // A backend waiting on a lock does not notice that its client is gone: only a cancel request ends its wait.
        // Asked outside the holder's transaction, which would keep its first snapshot of pg_stat_activity.
        await using var observer = new NpgsqlConnection(catalog.ConnectionString);
        await observer.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()", observer);
        using var tool = Process.Start(new ProcessStartInfo("dotnet", [typeof(CatalogAuditor).Assembly.Location, command, "--connection", catalog.ConnectionString])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = tool.StandardError.ReadToEndAsync();
        await Eventually.TrueAsync(async () => (long)(await waiting.ExecuteScalarAsync())! == 1, TimeSpan.FromSeconds(30), $"{command} waits for product_texts");

        using (var kill = Process.Start("kill", [$"-{signal}", tool.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await tool.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0L, await waiting.ExecuteScalarAsync());
        Assert.Equal(130, tool.ExitCode);
        Assert.Contains("stopped; nothing was changed", await errors, StringComparison.Ordinal);
        await transaction.RollbackAsync();
        // The rebuild's locks went with its transaction: writes go on.
        await catalog.Client.CreateProductAsync("After the stop");
    }

    /// <summary>Runs <paramref name="run"/> while another transaction holds <c>product_texts</c>, which both read, for 3 s.</summary>
    private static async Task<T> WhileTextCopiesAreLockedAsync<T>(IsolatedCatalog catalog, Func<Task<T>> run)
    {
        await using var connection = new NpgsqlConnection(catalog.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await LockTextCopiesAsync(connection);
        var running = run();
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(running.IsCompleted, $"the run ended while product_texts was locked: {running.Exception?.InnerException?.Message}");
        await transaction.RollbackAsync();
        return await running;
    }

    /// <summary>A transaction on <paramref name="connection"/> that holds <c>product_texts</c> until it ends.</summary>
    private static async Task<NpgsqlTransaction> LockTextCopiesAsync(NpgsqlConnection connection)
    {
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("LOCK TABLE product_texts IN ACCESS EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return transaction;
    }

    private static async Task<string> SkuOfAsync(IsolatedCatalog catalog, long productId) =>
        (await catalog.Client.ApiGetAsync($"/api/v1/products/{productId}")).Json.Text("sku");

    private static async Task ExecuteAsync(IsolatedCatalog catalog, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(catalog.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
