using System.Diagnostics;
using System.Globalization;
using Commerce.Runtime.Activation;
using Commerce.Runtime.Hosting;
using Commerce.Runtime.Identity;
using Commerce.Runtime.Storage;
using Commerce.Tests.Runtime.TestGrains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commerce.Tests.Runtime;

/// <summary>
/// A grain runtime built the way a silo builds it, with <see cref="TestGrain"/> on in-memory storage, a probe,
/// and a manual clock for idle collection. Each test starts its own, so nothing leaks between tests.
/// </summary>
internal sealed class TestRuntime : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    static TestRuntime()
    {
        // The test host blocks a few thread-pool threads for the whole run (its socket loop, sync waits). On a
        // two-core machine that leaves grain turns waiting up to a second for the pool to grow, which the
        // 200 ms call timeouts of the timeout tests would report as failures.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), Math.Max(completionPorts, 16));
    }

    private TestRuntime(ServiceProvider services) => _services = services;

    public GrainRuntimeOptions Options => _services.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value;

    public IGrainFactory Factory => _services.GetRequiredService<IGrainFactory>();

    public IGrainStateRefresher Refresher => _services.GetRequiredService<IGrainStateRefresher>();

    public InMemoryGrainStorage<CounterState> Storage =>
        (InMemoryGrainStorage<CounterState>)_services.GetRequiredService<IGrainStorage<CounterState>>();

    public GrainProbe Probe => _services.GetRequiredService<GrainProbe>();

    public ManualTimeProvider Clock => (ManualTimeProvider)_services.GetRequiredService<TimeProvider>();

    public ActivationDirectory Directory => _services.GetRequiredService<ActivationDirectory>();

    public IdleActivationCollector Collector => _services.GetRequiredService<IdleActivationCollector>();

    public static TestRuntime Start(
        TimeSpan? callTimeout = null, TimeSpan? idleTimeout = null, int maxConflictRetries = 3, int maxActivations = 200_000)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [Key(nameof(GrainRuntimeOptions.CallTimeout))] = Format(callTimeout ?? TimeSpan.FromSeconds(10)),
                [Key(nameof(GrainRuntimeOptions.IdleTimeout))] = Format(idleTimeout ?? TimeSpan.FromMinutes(1)),
                [Key(nameof(GrainRuntimeOptions.CollectionInterval))] = Format(TimeSpan.FromMilliseconds(50)),
                [Key(nameof(GrainRuntimeOptions.MaxConflictRetries))] = maxConflictRetries.ToString(CultureInfo.InvariantCulture),
                [Key(nameof(GrainRuntimeOptions.MaxActivations))] = maxActivations.ToString(CultureInfo.InvariantCulture),
            })
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new ManualTimeProvider());
        services.AddSingleton<GrainProbe>();
        services.AddGrainRuntime(configuration)
            .AddGrain<ITestGrain, TestGrain>(TestGrain.TypeName)
            .AddStorage<CounterState, InMemoryGrainStorage<CounterState>>();

        var runtime = new TestRuntime(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
        _ = runtime.Options; // binds and validates the options now, as ValidateOnStart would in a host
        return runtime;
    }

    public static GrainId IdOf(long key) => new(TestGrain.TypeName, key);

    public ITestGrain Grain(long key) => Factory.GetGrain<ITestGrain>(key);

    /// <summary>
    /// Lets the idle timeout pass and runs the collector until it closes something (or a bounded time has
    /// passed). An activation answers a call a moment before it counts the call as done, so a pass made right
    /// after the answer can still find it busy; the next pass, after more idle time, will not.
    /// </summary>
    public async Task<int> CollectIdleAfterTimeoutAsync()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Clock.Advance(Options.IdleTimeout);
            var closed = Collector.CollectIdle();
            if (closed > 0 || waited.Elapsed > GrainProbe.WaitLimit)
            {
                return closed;
            }

            await Task.Delay(1);
        }
    }

    public ValueTask DisposeAsync()
    {
        Probe.ReleaseBlock(); // lets a call a test left blocked finish instead of leaking
        return _services.DisposeAsync();
    }

    private static string Key(string option) => $"{GrainRuntimeOptions.Section}:{option}";

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
