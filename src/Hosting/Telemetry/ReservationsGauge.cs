using System.Diagnostics.Metrics;
using Commerce.Postgres;
using Commerce.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Commerce.Hosting.Telemetry;

/// <summary>
/// <c>catalog.reservations.live</c>: the units that live reservations (carts, orders being placed) hold across the
/// whole catalog, read from the kept sum of the products read table's <c>reserved</c> (<c>reserved_units</c>,
/// sql/016: 16 rows, where summing the rows scanned the table). Reservations live in product grain state, active or
/// not, so no silo can count them from its own activations. Every process
/// reports the same catalog-wide figure, tagged with its database: aggregate it with <c>max</c>, not <c>sum</c>.
/// </summary>
internal sealed partial class ReservationsGauge : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly DatabaseEndpoint _endpoint;
    private readonly IOptions<ReservationsGaugeOptions> _options;
    private readonly ILogger<ReservationsGauge> _logger;
    private Reading? _latest;

    public ReservationsGauge(
        IMeterFactory meters, IServiceProvider services, DatabaseEndpoint endpoint, IOptions<ReservationsGaugeOptions> options, ILogger<ReservationsGauge> logger)
    {
        _services = services;
        _endpoint = endpoint;
        _options = options;
        _logger = logger;
        meters.Create(CatalogMeter.Name).CreateObservableGauge(
            CatalogMeter.ReservationsLive, Observe, unit: "{unit}", description: "Units held by live reservations (carts, orders being placed) across the catalog.");
    }

    private IEnumerable<Measurement<long>> Observe() =>
        Volatile.Read(ref _latest) is { } latest ? [new Measurement<long>(latest.Units, new KeyValuePair<string, object?>("db_namespace", latest.Database))] : [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Value.RefreshInterval);
        do
        {
            if (_endpoint.IsSet)
            {
                await RefreshAsync(stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        try
        {
            var database = _services.GetRequiredService<NpgsqlDataSource>();
            await using var command = database.CreateCommand("SELECT coalesce(sum(units), 0)::bigint FROM reserved_units");
            var units = (long)(await command.ExecuteScalarAsync(stoppingToken))!;
            Volatile.Write(ref _latest, new Reading(units, new NpgsqlConnectionStringBuilder(database.ConnectionString).Database ?? ""));
        }
        catch (NpgsqlException ex)
        {
            // The figure stays as last read; health checks report the database itself.
            LogRefreshFailed(_logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the live reservations for the gauge")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    private sealed record Reading(long Units, string Database);
}
