using Commerce.Runtime.Calls;

namespace Commerce.Runtime.Identity;

internal sealed class GrainFactory(GrainTypeRegistry registry, IGrainCallRouter router) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(long key) where TGrain : IGrainWithIntegerKey
    {
        var type = registry.ForInterface(typeof(TGrain));
        return (TGrain)GrainProxy.Create(typeof(TGrain), new GrainId(type.Name, key), router);
    }
}
