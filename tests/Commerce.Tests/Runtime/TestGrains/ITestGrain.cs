using Commerce.Runtime.Identity;

namespace Commerce.Tests.Runtime.TestGrains;

/// <summary>A grain whose methods each exercise one runtime guarantee and report to <see cref="GrainProbe"/>.</summary>
public interface ITestGrain : IGrainWithIntegerKey
{
    /// <summary>Which grain instance answered: 1 for the first one created by the runtime, 2 for the next...</summary>
    Task<int> GetInstanceAsync();

    /// <summary>The value in the activation's in-memory state, null when there is no record.</summary>
    Task<int?> GetValueAsync();

    Task<long> GetVersionAsync();

    Task<int?> GetValueSeenOnActivateAsync();

    /// <summary>Writes value + 1, the classic read-modify-write that a conflict must re-run.</summary>
    Task<int> IncrementAsync();

    Task SetValueAsync(int value);

    /// <summary>Awaits inside the call while counting how many calls are inside at once.</summary>
    Task TrackConcurrencyAsync();

    /// <summary>Yields, then appends <paramref name="sequence"/> to the probe's run order.</summary>
    Task RecordAsync(int sequence);

    /// <summary>Returns only once <paramref name="participants"/> calls are inside this method at the same time.</summary>
    Task MeetAsync(int participants);

    /// <summary>Stays inside the call until the test releases the probe's block.</summary>
    Task BlockAsync();

    Task ThrowAsync(string message);

    Task ThrowBeforeAwaitingAsync(string message);

    Task DeactivateAfterThisCallAsync();
}
