using Commerce.Runtime.Activation;
using Commerce.Runtime.Calls;
using Commerce.Runtime.Diagnostics;
using Commerce.Runtime.Identity;
using Commerce.Runtime.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Commerce.Runtime.Cluster;

/// <summary>The silo side of the wire: runs calls sent by other processes. Bound to the silo port only.</summary>
public static class SiloTransportEndpoints
{
    public static IEndpointRouteBuilder MapSiloTransport(this IEndpointRouteBuilder routes)
    {
        var endpoint = routes.ServiceProvider.GetService<SiloEndpoint>();
        if (endpoint is null || endpoint.Port == 0)
        {
            return routes;
        }

        var group = routes.MapGroup("/runtime").RequireHost($"*:{endpoint.Port}").ExcludeFromDescription();
        group.MapPost("/calls", RunCallAsync);
        group.MapPost("/refresh", async (HttpRequest request, LocalGrainStateRefresher refresher) =>
        {
            var grains = await request.ReadFromJsonAsync(RuntimeWireJsonContext.Default.GrainIdArray) ?? [];
            await refresher.RefreshAsync(grains, request.HttpContext.RequestAborted);
            return Results.NoContent();
        });
        // Each silo reports its own CPU, memory and activations; a front-end's dashboard asks every active silo.
        group.MapGet("/stats", (SiloStatsSource stats) => Results.Json(stats.Read(), RuntimeWireJsonContext.Default.SiloStats));
        group.MapPost("/membership-changed", (ClusterMembership membership) =>
        {
            membership.RequestRefresh();
            return Results.NoContent();
        });
        return routes;
    }

    private static async Task RunCallAsync(HttpContext context, ClusterMembership membership, GrainWireFormat wire, LocalGrainCallRouter local)
    {
        if (!membership.IsJoined)
        {
            // Leaving or not yet joined: refuse before running anything, so the caller can safely re-place the call.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var message = await context.Request.ReadFromJsonAsync(RuntimeWireJsonContext.Default.WireCall, context.RequestAborted)
            ?? throw new BadHttpRequestException("Empty grain call.");
        var call = wire.FromWire(message);
        WireOutcome outcome;
        try
        {
            outcome = new WireOutcome(wire.ResultToWire(call.Method, await local.InvokeAsync(call)), null);
        }
        catch (Exception ex)
        {
            outcome = new WireOutcome(default, new WireFailure(ex.GetType().Name, ex.Message, IsRetryable(ex)));
        }

        await context.Response.WriteAsJsonAsync(outcome, RuntimeWireJsonContext.Default.WireOutcome, cancellationToken: context.RequestAborted);
    }

    /// <summary>Failures that left nothing changed and mean "try again later" rather than "this is a bug".</summary>
    private static bool IsRetryable(Exception ex) =>
        ex is InconsistentStateException or GrainCallTimeoutException or TimeoutException
        || (ex is NpgsqlException database && (database is not PostgresException || database.IsTransient));
}
