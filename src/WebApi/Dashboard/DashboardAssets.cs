using System.Reflection;

namespace Commerce.WebApi.Dashboard;

/// <summary>
/// The page's HTML, CSS and JS, embedded in the assembly so they are there however the host was started
/// (tests start it from their own folder, where no wwwroot would be found).
/// </summary>
public static class DashboardAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
    };

    public static IResult Serve(string file)
    {
        var stream = ContentTypes.ContainsKey(file)
            ? typeof(DashboardAssets).Assembly.GetManifestResourceStream("dashboard/" + file)
            : null;
        return stream is null ? TypedResults.NotFound() : TypedResults.Stream(stream, ContentTypes[file]);
    }
}
