using System.Diagnostics;
using Commerce.Runtime.Diagnostics;
using Commerce.Runtime.Activation;
using Commerce.Runtime.Calls;
using Commerce.Runtime.Hosting;
using Microsoft.Extensions.Options;

namespace Commerce.Runtime.Cluster;

/// <summary>
/// Routes a call to the silo that owns the grain in the current view: this one (no serialization at all) or
/// another over HTTP/2. When the owner cannot be reached, the view is refreshed and the call re-placed, for a
/// bounded time, which covers a silo that just died and has not been declared dead yet.
/// </summary>
internal sealed class ClusterGrainCallRouter(
    ClusterMembership membership,
    LocalGrainCallRouter? local,
    SiloClient silos,
    IOptions<ClusterOptions> clusterOptions,
    IOptions<GrainRuntimeOptions> runtimeOptions,
    TimeProvider time) : IGrainCallRouter
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    public async Task<object?> InvokeAsync(GrainCall grainCall)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var owner = GrainPlacement.OwnerOf(grainCall.Target, membership.View);
            try
            {
                if (owner is null)
                {
                    throw new NoActiveSilosException();
                }

                if (local is not null && owner.Generation == membership.LocalGeneration)
                {
                    return await local.InvokeAsync(grainCall);
                }

                using var span = RuntimeTracing.Source.StartActivity($"{grainCall.Target.Type} {grainCall.Method.Method.Name} → silo {owner.Generation}", ActivityKind.Client);
                span?.SetTag("grain.type", grainCall.Target.Type);
                span?.SetTag("grain.key", grainCall.Target.Key);
                span?.SetTag("silo.address", owner.Address);
                return await silos.InvokeAsync(owner, grainCall, runtimeOptions.Value.CallTimeout);
            }
            catch (SiloUnavailableException) when (owner is not null && time.GetElapsedTime(started) < clusterOptions.Value.UnreachableRetryWindow)
            {
                // The call never reached the silo: place it elsewhere right away.
                membership.Suspect(owner.Generation, clusterOptions.Value.DeathTimeout * 2);
                membership.RequestRefresh();
            }
            catch (NoActiveSilosException) when (time.GetElapsedTime(started) < clusterOptions.Value.UnreachableRetryWindow)
            {
                membership.RequestRefresh();
                await Task.Delay(RetryPause, time);
            }
        }
    }
}
