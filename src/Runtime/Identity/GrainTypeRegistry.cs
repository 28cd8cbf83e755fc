namespace Commerce.Runtime.Identity;

/// <summary>A grain type: the name used in its ids, the interface callers use and the class that implements it.</summary>
public sealed record GrainType(string Name, Type Interface, Type Implementation);

/// <summary>The grain types this process knows, looked up by interface (for references) and by name (for activation).</summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainType> _byInterface = [];
    private readonly Dictionary<string, GrainType> _byName = new(StringComparer.Ordinal);

    public IReadOnlyCollection<GrainType> All => _byName.Values;

    public void Add(GrainType type)
    {
        if (!type.Interface.IsInterface || !type.Interface.IsAssignableFrom(type.Implementation))
        {
            throw new ArgumentException($"{type.Implementation} must implement the interface {type.Interface}.");
        }

        _byInterface.Add(type.Interface, type);
        _byName.Add(type.Name, type);
    }

    public GrainType ForInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var type)
            ? type
            : throw new InvalidOperationException($"No grain type is registered for {grainInterface.Name}.");

    public GrainType ForName(string name) =>
        _byName.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException($"No grain type is registered under the name '{name}'.");
}
