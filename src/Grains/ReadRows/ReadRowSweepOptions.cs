using System.ComponentModel.DataAnnotations;

namespace Commerce.Grains.ReadRows;

/// <summary>How often read rows are compared with grain state, and old Idempotency-Keys deleted (<c>ReadRows</c> section).</summary>
public sealed class ReadRowSweepOptions
{
    public const string Section = "ReadRows";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How far back the first sweep of a new activation looks.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan LookBack { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long an Idempotency-Key is kept after its last write. The contract promises at least 24 h; keeping twice
    /// that covers a client that retries across a day boundary of its own batch jobs.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "30.00:00:00")]
    public TimeSpan IdempotencyKeyRetention { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How often keys past their retention are deleted; each time is one statement over the keys that expired.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IdempotencyKeyCleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
