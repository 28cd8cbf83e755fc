namespace Commerce.Tests.Observability;

/// <summary>Loads a page in headless Chromium and returns the DOM after its scripts ran, or saves a screenshot.</summary>
public static class HeadlessChromium
{
    public static string? Path => ExternalTool.Find("chromium") ?? ExternalTool.Find("chromium-browser");

    public static async Task<string> DumpDomAsync(Uri page)
    {
        var (exitCode, output, error) = await RunAsync(page, "--dump-dom");
        Assert.True(exitCode == 0, $"chromium --dump-dom failed ({exitCode}): {error}");
        return output;
    }

    public static async Task ScreenshotAsync(Uri page, string file)
    {
        var (exitCode, _, error) = await RunAsync(page, "--screenshot=" + file, "--window-size=1400,1000");
        Assert.True(exitCode == 0 && File.Exists(file), $"chromium --screenshot failed ({exitCode}): {error}");
    }

    private static async Task<(int, string, string)> RunAsync(Uri page, params string[] mode)
    {
        // A fresh profile per run, so no state leaks between runs and no lock on a shared profile.
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        try
        {
            string[] flags =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.FullName,
                // Lets the page's fetches and first refreshes finish before the DOM is taken.
                "--virtual-time-budget=5000",
            ];
            return await ExternalTool.RunAsync(Path!, [.. flags, .. mode, page.ToString()]);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}

/// <summary>A fact that needs Chromium (Debian package <c>chromium</c>).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Path is null)
        {
            Skip = "chromium is not installed (apt-get install chromium); scripts/test.sh installs it.";
        }
    }
}
