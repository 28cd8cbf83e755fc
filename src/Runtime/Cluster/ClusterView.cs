namespace Commerce.Runtime.Cluster;

/// <summary>The active silos as this process last read them, ordered by generation. Immutable; replaced on change.</summary>
public sealed class ClusterView
{
    public static ClusterView Empty { get; } = new([]);

    public ClusterView(IReadOnlyList<SiloInfo> active)
    {
        Active = active;
        Key = string.Join(',', active.Select(s => s.Generation));
    }

    public IReadOnlyList<SiloInfo> Active { get; }

    /// <summary>Equal for two views with the same members; cheap change detection.</summary>
    public string Key { get; }

    public SiloInfo? Find(long generation) => Active.FirstOrDefault(s => s.Generation == generation);
}
