using Commerce.Runtime.Identity;

namespace Commerce.Runtime.Cluster;

/// <summary>
/// Rendezvous (highest-random-weight) hashing: a grain belongs to the active silo that scores highest for it.
/// Every process with the same view picks the same owner, and when a silo joins or leaves only the grains it
/// wins or held move.
/// </summary>
public static class GrainPlacement
{
    public static SiloInfo? OwnerOf(GrainId grain, ClusterView view)
    {
        SiloInfo? owner = null;
        ulong best = 0;
        var grainHash = Mix(StableHash(grain.Type) ^ (ulong)grain.Key);
        foreach (var silo in view.Active)
        {
            var score = Mix(grainHash ^ Mix((ulong)silo.Generation));
            if (owner is null || score > best)
            {
                (owner, best) = (silo, score);
            }
        }

        return owner;
    }

    // string.GetHashCode is randomised per process; placement must agree across processes.
    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL; // FNV-1a offset basis
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    // The 64-bit finaliser of MurmurHash3: spreads every input bit over the whole word.
    private static ulong Mix(ulong value)
    {
        value ^= value >> 33;
        value *= 0xff51afd7ed558ccdUL;
        value ^= value >> 33;
        value *= 0xc4ceb9fe1a85ec53UL;
        value ^= value >> 33;
        return value;
    }
}
