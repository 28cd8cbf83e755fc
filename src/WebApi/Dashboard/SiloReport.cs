using Commerce.Runtime.Cluster;
using Commerce.Runtime.Diagnostics;

namespace Commerce.WebApi.Dashboard;

/// <summary>A silo's membership row and what it said about itself (null when it did not answer).</summary>
public sealed record SiloReport(SiloInfo Silo, SiloStats? Stats);

/// <summary>The cluster as one front-end sees it at one moment.</summary>
public sealed record ClusterReport(int ActiveSilos, IReadOnlyList<SiloReport> Silos);
