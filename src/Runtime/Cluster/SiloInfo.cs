namespace Commerce.Runtime.Cluster;

/// <summary>One row of membership: a silo process, identified by its generation (unique per start).</summary>
public sealed record SiloInfo(long Generation, string Address, string HostName, string Status, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt)
{
    public const string Active = "active";
    public const string Leaving = "leaving";
    public const string Dead = "dead";
}
