namespace Commerce.Runtime.Cluster;

/// <summary>A grain call failed on the silo that ran it. <see cref="Retryable"/> says whether it changed nothing.</summary>
public sealed class RemoteGrainException(string remoteType, string message, bool retryable)
    : Exception($"{remoteType} on the owning silo: {message}")
{
    public string RemoteType { get; } = remoteType;

    public bool Retryable { get; } = retryable;
}

/// <summary>The owning silo could not be reached (or is leaving). The call did not run there; it is safe to retry.</summary>
public sealed class SiloUnavailableException(string address, Exception? inner = null)
    : Exception($"Silo {address} is not reachable.", inner)
{
    public string Address { get; } = address;
}

/// <summary>No silo is active, so no grain can be placed.</summary>
public sealed class NoActiveSilosException() : Exception("No silo of the cluster is active.");
