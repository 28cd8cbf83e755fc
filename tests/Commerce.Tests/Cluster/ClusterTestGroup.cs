namespace Commerce.Tests.Cluster;

/// <summary>
/// The cluster tests run one at a time and alone, not beside other collections: several silos with their probes and
/// heartbeats on two shared cores are timing-sensitive, and each test's load would slow the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterTestGroup
{
    public const string Name = "cluster";
}
