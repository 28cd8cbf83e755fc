using System.Net;
using System.Net.Sockets;

namespace Commerce.Tests.Infrastructure;

/// <summary>
/// Ports for servers that the tests start in other processes. Asking the kernel for a free port (bind to 0) hands out
/// one of its ephemeral ports (32768–60999 on Linux), which any outgoing connection of the busy test run may take
/// before the server gets to bind it: a silo once failed to start that way. Ports below that range are never handed
/// to outgoing connections, so only the servers the tests start compete for them, and this hands each out once.
/// </summary>
public static class TestPorts
{
    private const int First = 20000;
    private const int Count = 12000;
    private static int _next = Random.Shared.Next(Count);

    public static int Take()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free port in {First}–{First + Count - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
