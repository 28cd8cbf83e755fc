using System.Diagnostics;
using System.Globalization;
using System.Net;
using Commerce.Tests.Infrastructure;

namespace Commerce.Tests.Cluster;

/// <summary>
/// A silo (src/Silo) or front-end (src/WebApi) as a real operating-system process, run from its own build output, so
/// that it can be killed with SIGKILL: no shutdown hooks, no goodbye to the cluster.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    // src/Silo is no dependency of the tests, so a focused test run may not have built it; build it (or find it up to
    // date) once per test run. src/WebApi is built with the tests.
    private static readonly Lazy<Task> SiloBuild = new(() => BuildAsync("src/Silo/Silo.csproj"));

    private readonly Process _process;

    private SiloProcess(Process process, int httpPort, int siloPort, string logFile)
    {
        _process = process;
        HttpPort = httpPort;
        SiloPort = siloPort;
        LogFile = logFile;
    }

    public int HttpPort { get; }

    /// <summary>The silo-to-silo port, which names the silo in the membership table; 0 for a front-end.</summary>
    public int SiloPort { get; }

    public string LogFile { get; }

    public string BaseUrl => $"http://127.0.0.1:{HttpPort}";

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <param name="httpPort">The HTTP port to listen on; a free one when not given.</param>
    public static async Task<SiloProcess> StartSiloAsync(IReadOnlyDictionary<string, string> environment, string logDirectory, int? httpPort = null)
    {
        await SiloBuild.Value;
        var ports = new Dictionary<string, string>(environment)
        {
            ["Cluster__SiloPort"] = TestPorts.Take().ToString(CultureInfo.InvariantCulture),
            ["Cluster__GatewayPort"] = TestPorts.Take().ToString(CultureInfo.InvariantCulture),
        };
        return Start(OutputOf("Silo", "Commerce.Silo.dll"), ports, logDirectory, httpPort ?? TestPorts.Take());
    }

    public static SiloProcess StartFrontEnd(IReadOnlyDictionary<string, string> environment, string logDirectory) =>
        Start(OutputOf("WebApi", "Commerce.WebApi.dll"), environment, logDirectory, TestPorts.Take());

    /// <summary>SIGKILL.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async Task WaitUntilReadyAsync(HttpClient http, double seconds = 60) =>
        await Poll.UntilAsync(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{BaseUrl} exited early; see {LogFile}:\n{await File.ReadAllTextAsync(LogFile)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"{BaseUrl}/health/ready"));
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
        }, $"{BaseUrl} to be ready (log: {LogFile})", seconds);

    /// <summary>The exit code once the process has exited on its own within <paramref name="seconds"/>.</summary>
    public async Task<int> WaitForExitAsync(double seconds)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private static SiloProcess Start(string assembly, IReadOnlyDictionary<string, string> environment, string logDirectory, int httpPort)
    {
        var logFile = Path.Combine(logDirectory, $"{Path.GetFileNameWithoutExtension(assembly)}-{httpPort}.log");
        var start = new ProcessStartInfo("dotnet", [assembly, "--urls", $"http://127.0.0.1:{httpPort}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var siloPort = environment.TryGetValue("Cluster__SiloPort", out var port) ? int.Parse(port, CultureInfo.InvariantCulture) : 0;
        return new SiloProcess(process, httpPort, siloPort, logFile);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    /// <summary>Builds src/Silo once per test run (or finds it up to date).</summary>
    internal static Task EnsureSiloBuiltAsync() => SiloBuild.Value;

    /// <summary>The project's build output for the configuration the tests were built with (…/bin/Debug/net10.0/).</summary>
    internal static string OutputOf(string project, string assembly)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryRoot(), "src", project, "bin", testOutput.Parent!.Name, testOutput.Name, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{assembly} is not built.", path);
    }

    private static async Task BuildAsync(string project)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet", ["build", project, "-c", configuration, "--nologo", "-v", "q", "--disable-build-servers"])
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var build = Process.Start(start) ?? throw new InvalidOperationException($"Could not build {project}.");
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building {project} failed:\n{await output}\n{await errors}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Commerce.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Commerce.sln above {AppContext.BaseDirectory}.");
    }


    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{BaseUrl} (pid {Id})");
}
