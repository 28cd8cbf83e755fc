using System.Diagnostics;

namespace Commerce.Runtime.Diagnostics;

/// <summary>CPU use of this process, as a share of all cores, averaged since the previous reading.</summary>
public sealed class ProcessCpu
{
    private readonly Lock _gate = new();
    private TimeSpan _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private long _lastTimestamp = Stopwatch.GetTimestamp();

    public double ReadPercent()
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        lock (_gate)
        {
            var wall = Stopwatch.GetElapsedTime(_lastTimestamp);
            var used = cpu - _lastCpu;
            _lastCpu = cpu;
            _lastTimestamp = Stopwatch.GetTimestamp();
            return wall <= TimeSpan.Zero ? 0 : Math.Clamp(100 * used / wall / Environment.ProcessorCount, 0, 100);
        }
    }
}
