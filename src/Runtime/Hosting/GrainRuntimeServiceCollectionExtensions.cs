using Commerce.Runtime.Activation;
using Commerce.Runtime.Calls;
using Commerce.Runtime.Identity;
using Commerce.Runtime.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Commerce.Runtime.Hosting;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>Adds the grain runtime that hosts activations in this process (a silo).</summary>
    public static GrainRuntimeBuilder AddGrainRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GrainRuntimeOptions>()
            .Bind(configuration.GetSection(GrainRuntimeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        var registry = new GrainTypeRegistry();
        services.AddSingleton(registry);
        services.AddSingleton<GrainActivator>();
        services.AddSingleton<ActivationDirectory>();
        services.AddSingleton<IGrainCallRouter, LocalGrainCallRouter>();
        services.AddSingleton<IGrainFactory, GrainFactory>();
        services.AddSingleton<IGrainStateRefresher, LocalGrainStateRefresher>();
        services.AddSingleton<IdleActivationCollector>();
        services.AddHostedService(sp => sp.GetRequiredService<IdleActivationCollector>());
        return new GrainRuntimeBuilder(services, registry);
    }
}

/// <summary>Registers grain types and their storage on the runtime.</summary>
public sealed class GrainRuntimeBuilder(IServiceCollection services, GrainTypeRegistry registry)
{
    public IServiceCollection Services { get; } = services;

    public GrainRuntimeBuilder AddGrain<TInterface, TImplementation>(string typeName)
        where TInterface : IGrain
        where TImplementation : Grain, TInterface
    {
        registry.Add(new GrainType(typeName, typeof(TInterface), typeof(TImplementation)));
        return this;
    }

    public GrainRuntimeBuilder AddStorage<TState, TStorage>()
        where TState : class
        where TStorage : class, IGrainStorage<TState>
    {
        Services.AddSingleton<IGrainStorage<TState>, TStorage>();
        return this;
    }
}
