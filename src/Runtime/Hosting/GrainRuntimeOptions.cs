using System.ComponentModel.DataAnnotations;

namespace Commerce.Runtime.Hosting;

public sealed class GrainRuntimeOptions
{
    public const string Section = "GrainRuntime";

    /// <summary>How long a caller waits for a grain call before it gets a timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation that has handled no call for this long is collected.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Most activations a silo keeps. Past it, the least recently used idle activations are collected at once
    /// (down to 90% of the cap), whatever their idle time: a scan over a million products then costs memory for
    /// the cap, not for every product read in the last <see cref="IdleTimeout"/> (≈ 2 KiB per product grain).
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxActivations { get; set; } = 200_000;

    /// <summary>How often the idle collector looks for idle activations.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a call is re-run, after reloading state, when its write met a newer version.</summary>
    [Range(0, 100)]
    public int MaxConflictRetries { get; set; } = 3;
}
