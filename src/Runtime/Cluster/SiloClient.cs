using System.Net;
using System.Net.Http.Json;
using Commerce.Runtime.Calls;
using Commerce.Runtime.Diagnostics;
using Commerce.Runtime.Identity;

namespace Commerce.Runtime.Cluster;

/// <summary>
/// Calls other silos over HTTP/2 (cleartext, prior knowledge) with the framework's HttpClient: many concurrent
/// calls share a few multiplexed connections.
/// </summary>
public sealed class SiloClient(GrainWireFormat wire) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        KeepAlivePingDelay = TimeSpan.FromSeconds(10),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
    })
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<object?> InvokeAsync(SiloInfo silo, GrainCall call, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var outcome = await SendAsync(silo, "/runtime/calls", wire.ToWire(call), RuntimeWireJsonContext.Default.WireCall, call, timeout, deadline.Token);
        if (outcome is null)
        {
            throw new SiloUnavailableException(silo.Address);
        }

        return outcome.Failure is { } failure
            ? throw new RemoteGrainException(failure.Type, failure.Message, failure.Retryable)
            : wire.ResultFromWire(call.Method, outcome.Result);
    }

    public async Task RefreshAsync(SiloInfo silo, GrainId[] grains, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(silo.Address + "/runtime/refresh", grains, RuntimeWireJsonContext.Default.GrainIdArray, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task NotifyMembershipChangedAsync(SiloInfo silo, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            using var response = await _http.PostAsync(silo.Address + "/runtime/membership-changed", null, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            // Best effort: the silo re-reads membership at its next heartbeat anyway.
        }
    }

    /// <summary>The silo's own statistics, for dashboards.</summary>
    public Task<SiloStats?> GetStatsAsync(SiloInfo silo, CancellationToken cancellationToken) =>
        _http.GetFromJsonAsync(silo.Address + "/runtime/stats", RuntimeWireJsonContext.Default.SiloStats, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<WireOutcome?> SendAsync<T>(
        SiloInfo silo, string path, T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo,
        GrainCall call, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.PostAsJsonAsync(silo.Address + path, body, typeInfo, cancellationToken);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                return null; // the silo is leaving and did not run the call
            }

            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync(RuntimeWireJsonContext.Default.WireOutcome, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError)
        {
            // No connection was made, so nothing reached the silo and nothing ran there.
            throw new SiloUnavailableException(silo.Address, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or System.Text.Json.JsonException)
        {
            // The connection broke after the call was sent (possibly while the answer was being read): it may or
            // may not have run. Not retried here; the client gets a 503 and decides.
            throw new RemoteGrainException("TransportFailure", $"the connection to {silo.Address} broke: {ex.Message}", retryable: true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new GrainCallTimeoutException(call.Target, call.Method.Name, timeout);
        }
    }
}
