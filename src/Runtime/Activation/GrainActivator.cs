using System.Collections.Concurrent;
using System.Reflection;
using Commerce.Runtime.Identity;
using Commerce.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Runtime.Activation;

/// <summary>
/// Creates grain instances: constructor parameters of type <see cref="IPersistentState{TState}"/> get the
/// grain's own state, bound to the registered <see cref="IGrainStorage{TState}"/> and loaded before the
/// grain sees its first call; every other parameter comes from the service provider.
/// </summary>
internal sealed class GrainActivator(IServiceProvider services, GrainTypeRegistry registry)
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(GrainActivator).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly ConcurrentDictionary<Type, ConstructorInfo> _constructors = new();

    public async Task<(Grain Instance, IReadOnlyList<IReloadableState> States)> CreateAsync(GrainActivation activation)
    {
        var type = registry.ForName(activation.Id.Type);
        var constructor = _constructors.GetOrAdd(type.Implementation, SingleConstructor);
        var parameters = constructor.GetParameters();
        var arguments = new object[parameters.Length];
        var states = new List<IReloadableState>();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameterType = parameters[i].ParameterType;
            if (parameterType.IsGenericType && parameterType.GetGenericTypeDefinition() == typeof(IPersistentState<>))
            {
                var state = (IReloadableState)CreateStateMethod.MakeGenericMethod(parameterType.GetGenericArguments()[0])
                    .Invoke(this, BindingFlags.DoNotWrapExceptions, binder: null, [activation.Id], culture: null)!;
                states.Add(state);
                arguments[i] = state;
            }
            else
            {
                arguments[i] = services.GetRequiredService(parameterType);
            }
        }

        // Unwrapped, so that a caller sees what the grain's constructor threw rather than a TargetInvocationException.
        var grain = (Grain)constructor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        grain.Attach(activation);
        foreach (var state in states)
        {
            await state.ReadAsync();
        }

        await grain.OnActivateAsync(CancellationToken.None);
        return (grain, states);
    }

    private static ConstructorInfo SingleConstructor(Type implementation)
    {
        if (!typeof(Grain).IsAssignableFrom(implementation))
        {
            throw new InvalidOperationException($"{implementation.Name} must derive from {nameof(Grain)}.");
        }

        var constructors = implementation.GetConstructors();
        return constructors.Length == 1
            ? constructors[0]
            : throw new InvalidOperationException($"{implementation.Name} must have exactly one public constructor.");
    }

    private PersistentState<TState> CreateState<TState>(GrainId id) where TState : class =>
        new(id, services.GetRequiredService<IGrainStorage<TState>>());
}
