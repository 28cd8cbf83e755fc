using System.ComponentModel.DataAnnotations;

namespace Commerce.Grains.Carts;

/// <summary>The <c>Carts</c> settings.</summary>
public sealed class CartOptions
{
    public const string Section = "Carts";

    /// <summary>How long a cart holds its reservations after its last change.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How often a live cart's reminder wakes it to check for expiry — also on another silo after its own died. A
    /// cart expires at most this long after its time even when nobody asks for it. Orleans reminders tick at most
    /// once a minute unless <c>ReminderOptions.MinimumReminderPeriod</c> is lowered too (tests do).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ExpiryCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
