using Commerce.Runtime.Calls;
using Commerce.Runtime.Hosting;
using Microsoft.Extensions.Options;

namespace Commerce.Runtime.Activation;

/// <summary>Delivers calls to activations in this process, creating them on first call.</summary>
internal sealed class LocalGrainCallRouter(ActivationDirectory directory, IOptions<GrainRuntimeOptions> options)
    : IGrainCallRouter
{
    public async Task<object?> InvokeAsync(GrainCall grainCall)
    {
        var settings = options.Value;
        var item = new GrainCallWorkItem(grainCall, settings.MaxConflictRetries);

        // An activation can close between look-up and enqueue (idle collection); the next one will take it.
        while (!directory.TryEnqueue(grainCall.Target, item))
        {
            await Task.Yield();
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
