namespace Commerce.Runtime.Identity;

/// <summary>Identity of a grain: its type name and its 64-bit key. Stable across silos and restarts.</summary>
public readonly record struct GrainId(string Type, long Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
