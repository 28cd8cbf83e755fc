using Commerce.Runtime.Hosting;
using Commerce.Runtime.Identity;
using Commerce.Runtime.Storage;
using Commerce.Tests.Runtime.TestGrains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Tests.Runtime;

public sealed class ActivationFailureTests
{
    [Fact]
    public async Task AFailedStateReadFailsTheWaitingCallsAndTheNextCallActivatesAgain()
    {
        await using var runtime = TestRuntime.Start();
        var key = TestKeys.Next();
        var id = TestRuntime.IdOf(key);
        runtime.Storage.WriteBehindTheBack(id, new CounterState(7));
        var outage = new IOException("storage is down");
        runtime.Storage.FailNextRead(id, outage);
        var read = runtime.Storage.HoldNextRead(id); // both calls are queued before the read fails
        var grain = runtime.Grain(key);

        var first = grain.GetValueAsync();
        var second = grain.GetInstanceAsync();
        await read.Entered;
        read.Release();

        Assert.Same(outage, await Assert.ThrowsAsync<IOException>(() => first));
        Assert.Same(outage, await Assert.ThrowsAsync<IOException>(() => second));
        Assert.Equal(0, runtime.Directory.Count);
        Assert.Equal(0, runtime.Probe.Count(key, GrainEvent.Activated));

        Assert.Equal(7, await grain.GetValueAsync());
        Assert.Equal(1, runtime.Probe.Count(key, GrainEvent.Activated));
        Assert.Equal(2, runtime.Storage.ReadCount(id));
        Assert.Equal(1, runtime.Directory.Count);
    }

    [Fact]
    public async Task AThrowingConstructorReachesTheCallerUnwrapped()
    {
        await using var runtime = TestRuntime.Start();
        var grain = runtime.Grain(TestKeys.Next());
        var broken = new InvalidOperationException("constructor failed");
        runtime.Probe.FailNextConstruction(broken);

        Assert.Same(broken, await Assert.ThrowsAsync<InvalidOperationException>(grain.GetInstanceAsync));

        Assert.Equal(0, runtime.Directory.Count);
        Assert.Equal(1, await grain.GetInstanceAsync());
    }

    [Fact]
    public async Task AStateTypeWithoutStorageFailsTheCallWithTheMissingRegistration()
    {
        var services = new ServiceCollection().AddSingleton<GrainProbe>();
        services.AddGrainRuntime(new ConfigurationBuilder().Build()).AddGrain<ITestGrain, TestGrain>(TestGrain.TypeName);
        await using var provider = services.BuildServiceProvider();
        var grain = provider.GetRequiredService<IGrainFactory>().GetGrain<ITestGrain>(TestKeys.Next());

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(grain.GetInstanceAsync);

        Assert.Contains(nameof(IGrainStorage<CounterState>), missing.Message, StringComparison.Ordinal);
    }
}
