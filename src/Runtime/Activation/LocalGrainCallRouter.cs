using System.Diagnostics;
using Commerce.Runtime.Calls;
using Commerce.Runtime.Diagnostics;
using Commerce.Runtime.Hosting;
using Microsoft.Extensions.Options;

namespace Commerce.Runtime.Activation;

/// <summary>Delivers calls to activations in this process, creating them on first call.</summary>
internal sealed class LocalGrainCallRouter(ActivationDirectory directory, IOptions<GrainRuntimeOptions> options, RuntimeMetrics metrics)
    : IGrainCallRouter
{
    public async Task<object?> InvokeAsync(GrainCall grainCall)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        using var span = RuntimeTracing.Source.StartActivity($"{grainCall.Target.Type} {grainCall.Method.Method.Name}");
        span?.SetTag("grain.type", grainCall.Target.Type);
        span?.SetTag("grain.key", grainCall.Target.Key);
        try
        {
            var result = await RunAsync(grainCall);
            failed = false;
            return result;
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            metrics.RecordCall(grainCall.Target.Type, grainCall.Method.Method.Name, Stopwatch.GetElapsedTime(started), failed);
        }
    }

    private async Task<object?> RunAsync(GrainCall grainCall)
    {
        var settings = options.Value;
        var item = new GrainCallWorkItem(grainCall, settings.MaxConflictRetries);

        // An activation can close between look-up and enqueue (idle collection); the next one will take it.
        while (!directory.TryEnqueue(grainCall.Target, item))
        {
            await Task.Yield();
        }

        if (item.Completion.IsCompleted)
        {
            // Served on this thread by an idle activation: no timer needed.
            return await item.Completion;
        }

        try
        {
            return await item.Completion.WaitAsync(settings.CallTimeout);
        }
        catch (TimeoutException) when (!item.Completion.IsCompleted)
        {
            item.TryAbandon();
            throw new GrainCallTimeoutException(grainCall.Target, grainCall.Method.Name, settings.CallTimeout);
        }
    }
}
