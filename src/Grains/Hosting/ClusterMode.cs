namespace Commerce.Grains.Hosting;

/// <summary>The role of a process in the catalog cluster.</summary>
public enum ClusterMode
{
    /// <summary>Front-end with a co-hosted silo: one process runs the whole catalog.</summary>
    Standalone,

    /// <summary>A silo of a cluster, hosting grains.</summary>
    Silo,

    /// <summary>A front-end that is an Orleans client of separate silos.</summary>
    Client,
}
