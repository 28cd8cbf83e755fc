using Commerce.Runtime.Identity;

namespace Commerce.Runtime.Storage;

/// <summary>
/// The stored version differs from the one the activation loaded: another activation (or a bulk change
/// such as a category delete) wrote first. Nothing was written. The runtime reloads the state and retries.
/// </summary>
public sealed class InconsistentStateException(GrainId grainId, long expectedVersion)
    : Exception($"Stored state of {grainId} is no longer at version {expectedVersion}.")
{
    public GrainId GrainId { get; } = grainId;

    public long ExpectedVersion { get; } = expectedVersion;
}
