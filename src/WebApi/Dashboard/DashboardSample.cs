using Commerce.Runtime.Diagnostics;

namespace Commerce.WebApi.Dashboard;

/// <summary>One second of the dashboard's memory: HTTP totals since start on this front-end, and the cluster's report.</summary>
public sealed record DashboardSample(DateTimeOffset At, HistogramSnapshot Http, long HttpErrors, ClusterReport Cluster);
