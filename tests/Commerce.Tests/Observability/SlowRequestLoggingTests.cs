using Commerce.WebApi.Observability;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Tests.Observability;

public sealed class SlowRequestLoggingTests
{
    [Fact]
    public async Task Requests_at_or_over_the_threshold_are_warned_about_and_faster_ones_are_not()
    {
        var logger = new RecordingLogger();
        var slow = new SlowRequestLogging(_ => Task.Delay(30), Options.Create(new ObservabilityOptions { SlowRequestThreshold = TimeSpan.FromMilliseconds(10) }), logger);
        var fast = new SlowRequestLogging(_ => Task.CompletedTask, Options.Create(new ObservabilityOptions()), logger);

        await fast.InvokeAsync(new DefaultHttpContext());
        Assert.Empty(logger.Warnings);
        await slow.InvokeAsync(new DefaultHttpContext { Request = { Method = "GET", Path = "/api/v1/products/search" } });
        Assert.Contains(logger.Warnings, w => w.Contains("Slow request GET unmatched (/api/v1/products/search)", StringComparison.Ordinal));
    }

    private sealed class RecordingLogger : ILogger<SlowRequestLogging>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
