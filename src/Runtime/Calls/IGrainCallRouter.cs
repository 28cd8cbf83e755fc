namespace Commerce.Runtime.Calls;

/// <summary>Delivers a call to the grain's activation, wherever it lives, and returns its result.</summary>
public interface IGrainCallRouter
{
    Task<object?> InvokeAsync(GrainCall grainCall);
}
