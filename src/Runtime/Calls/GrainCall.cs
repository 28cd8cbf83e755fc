using Commerce.Runtime.Identity;

namespace Commerce.Runtime.Calls;

/// <summary>One call to one grain. Arguments are immutable records, so a local call passes them without copying.</summary>
public sealed record GrainCall(GrainId Target, GrainMethod Method, object?[] Arguments);
