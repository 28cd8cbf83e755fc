using System.ComponentModel.DataAnnotations;

namespace Commerce.Grains.ReadRows;

/// <summary>How often read rows are compared with grain state (<c>ReadRows</c> section).</summary>
public sealed class ReadRowSweepOptions
{
    public const string Section = "ReadRows";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How far back the first sweep of a new activation looks.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan LookBack { get; set; } = TimeSpan.FromMinutes(10);
}
