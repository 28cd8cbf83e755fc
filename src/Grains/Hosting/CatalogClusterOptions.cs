using System.ComponentModel.DataAnnotations;

namespace Commerce.Grains.Hosting;

/// <summary>How this process joins the Orleans cluster (<c>Cluster</c> section).</summary>
public sealed class CatalogClusterOptions
{
    public const string Section = "Cluster";

    public ClusterMode Mode { get; set; } = ClusterMode.Standalone;

    /// <summary>
    /// Membership: processes with the same id form one cluster. Empty gives a standalone process a cluster of its own
    /// for each start (no entries of earlier runs to probe) and every other role "commerce".
    /// </summary>
    public string? ClusterId { get; set; }

    /// <summary>Grain state is stored under this id: every process of one catalog must use the same.</summary>
    [Required]
    public string ServiceId { get; set; } = "commerce-catalog";

    /// <summary>Silo-to-silo port; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int SiloPort { get; set; }

    /// <summary>Port clients connect to; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int GatewayPort { get; set; }

    /// <summary>The address other silos and clients reach this silo at.</summary>
    [Required]
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    public string EffectiveClusterId(Func<string> standaloneId) =>
        !string.IsNullOrWhiteSpace(ClusterId) ? ClusterId : Mode == ClusterMode.Standalone ? standaloneId() : "commerce";
}
