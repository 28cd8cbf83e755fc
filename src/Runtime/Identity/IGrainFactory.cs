namespace Commerce.Runtime.Identity;

/// <summary>Hands out references to grains. A reference is cheap; the grain is activated on its first call.</summary>
public interface IGrainFactory
{
    TGrain GetGrain<TGrain>(long key) where TGrain : IGrainWithIntegerKey;
}
