namespace Commerce.Runtime.Cluster;

/// <summary>Where this silo's HTTP/2 endpoint listens and the address others use to reach it.</summary>
public sealed class SiloEndpoint(string listenAddress, string advertisedHost, int port)
{
    public string ListenAddress { get; } = listenAddress;

    public int Port { get; } = port;

    public string Address { get; } = $"http://{advertisedHost}:{port}";
}
