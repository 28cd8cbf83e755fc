using System.Diagnostics;
using Commerce.Runtime.Cluster;
using Commerce.Runtime.Diagnostics;

namespace Commerce.WebApi.Dashboard;

/// <summary>
/// Asks every active silo for its own statistics, since a front-end in client mode runs no grains itself.
/// A standalone process has no membership and reports on itself.
/// </summary>
public sealed class SiloStatsReader(ClusterMembership membership, IServiceProvider services)
{
    private static readonly DateTimeOffset ProcessStarted = Process.GetCurrentProcess().StartTime.ToUniversalTime();
    private readonly SiloClient? _client = services.GetService<SiloClient>();
    private readonly SiloStatsSource? _local = services.GetService<SiloStatsSource>();

    public async Task<ClusterReport> ReadAsync(CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            var self = new SiloInfo(0, "local", Environment.MachineName, SiloInfo.Active, ProcessStarted, DateTimeOffset.UtcNow);
            return _local is null ? new ClusterReport(0, []) : new ClusterReport(1, [new SiloReport(self, _local.Read())]);
        }

        var view = membership.View;
        var active = view.Active.Select(s => s.Generation).ToHashSet();
        var rows = membership.AllSilos.Count > 0 ? membership.AllSilos : view.Active;
        var reports = await Task.WhenAll(rows.Select(async silo =>
            new SiloReport(silo, active.Contains(silo.Generation) ? await TryReadAsync(_client, silo, cancellationToken) : null)));
        return new ClusterReport(view.Active.Count, reports);
    }

    private static async Task<SiloStats?> TryReadAsync(SiloClient client, SiloInfo silo, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            return await client.GetStatsAsync(silo, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException)
        {
            return null; // a silo that does not answer shows without numbers rather than failing the page
        }
    }
}
