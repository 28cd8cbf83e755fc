using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Hosting;

public static partial class CatalogNodeRunExtensions
{
    // Long enough for a silo to tell the membership table it is leaving; short enough that an orchestrator sees the
    // failure promptly.
    private static readonly TimeSpan StopAfterFailedStart = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs the node until it is told to stop; returns the process exit code. A node that fails to start (its HTTP port
    /// taken, say) has usually joined the cluster already, because Orleans starts before the web server. The plain
    /// <c>Run</c> then goes straight to disposing the host, and the silo's leave-the-cluster step retries forever
    /// against disposed services: the process hangs, half a member. Stopping first lets it leave, then exit non-zero.
    /// </summary>
    public static async Task<int> RunCatalogNodeAsync(this WebApplication app)
    {
        try
        {
            await app.StartAsync();
        }
        catch (Exception ex)
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CatalogNodeRunExtensions));
            LogStartFailed(logger, ex);
            using var deadline = new CancellationTokenSource(StopAfterFailedStart);
            try
            {
                await app.StopAsync(deadline.Token);
            }
            catch (Exception stopFailure) when (stopFailure is OperationCanceledException or AggregateException)
            {
                // Exit anyway: the process is of no use, and the cluster declares a silo that did not leave dead.
            }

            return 1;
        }

        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The node failed to start; it leaves the cluster and exits")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);
}
