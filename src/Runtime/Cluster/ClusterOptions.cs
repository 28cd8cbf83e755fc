using System.ComponentModel.DataAnnotations;

namespace Commerce.Runtime.Cluster;

/// <summary>How this process takes part in a cluster.</summary>
public enum ClusterMode
{
    /// <summary>One silo, no membership: every grain lives in this process (the default).</summary>
    Standalone,

    /// <summary>A silo: registers in membership, hosts the grains it owns, forwards the rest.</summary>
    Silo,

    /// <summary>A pure client (front-end): hosts no grains and sends every call to its owning silo.</summary>
    Client,
}

public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    public ClusterMode Mode { get; set; } = ClusterMode.Standalone;

    /// <summary>Port of the silo-to-silo HTTP/2 endpoint; 0 picks a free one at start.</summary>
    [Range(0, 65535)]
    public int SiloPort { get; set; }

    /// <summary>Host name or IP other silos use to reach this one.</summary>
    [Required]
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>Address the silo endpoint listens on (0.0.0.0 in containers).</summary>
    [Required]
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>How often a silo proves it is alive and re-reads the membership table.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A silo whose heartbeat is older than this is declared dead by the others.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan DeathTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How long a call keeps retrying a silo that refuses connections before giving up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan UnreachableRetryWindow { get; set; } = TimeSpan.FromSeconds(3);
}
