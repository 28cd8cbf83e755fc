using System.ComponentModel.DataAnnotations;

namespace Commerce.Hosting.Telemetry;

/// <summary>How often the live-reservations gauge reads the catalog (<c>Observability:Reservations</c> section).</summary>
public sealed class ReservationsGaugeOptions
{
    public const string Section = "Observability:Reservations";

    /// <summary>One read of the kept sum (16 rows) each time; a scrape sees the latest.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(15);
}
