using Commerce.Runtime.Identity;

namespace Commerce.Runtime.Calls;

/// <summary>A grain call did not answer within the configured time. Its outcome is unknown to the caller.</summary>
public sealed class GrainCallTimeoutException(GrainId target, string method, TimeSpan timeout)
    : TimeoutException($"Call {method} on {target} did not complete within {timeout.TotalSeconds:0.###} s.");
