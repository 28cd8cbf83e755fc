using System.Text.Json.Nodes;
using Commerce.Tests.Api;
using Commerce.Tests.Observability;

namespace Commerce.Tests.OpenApi;

/// <summary>
/// Redocly's recommended rules find nothing in the served document: no error, no warning. Rules switched off
/// are switched off in redocly.yaml, each with its reason.
/// </summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class RedoclyLintTests(CatalogApiFixture api)
{
    [RedoclyFact]
    public async Task The_served_document_passes_redocly_recommended_rules_without_errors_or_warnings()
    {
        var document = Path.Combine(Path.GetTempPath(), $"catalog-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, (await OpenApiContract.ServedAsync(api.Client)).Json);
        try
        {
            // The lint must not wait on a network this machine may not have.
            Environment.SetEnvironmentVariable("REDOCLY_TELEMETRY", "off");
            Environment.SetEnvironmentVariable("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            var (exitCode, output, error) = await ExternalTool.RunAsync(
                ExternalTool.Find("redocly")!, ["lint", document, "--config", RepositoryFiles.PathOf("redocly.yaml"), "--format", "json"], timeoutSeconds: 180);

            var report = JsonNode.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..])!;
            var problems = string.Join("\n", report["problems"]!.AsArray().Select(p => $"{p!["severity"]} {p["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}"));
            Assert.True(exitCode == 0, $"redocly lint exited with {exitCode}: {problems}\n{error}");
            Assert.Equal(0, report["totals"]!["errors"]!.GetValue<int>());
            Assert.True(report["totals"]!["warnings"]!.GetValue<int>() == 0, problems);
        }
        finally
        {
            File.Delete(document);
        }
    }
}

/// <summary>A fact that needs the <c>redocly</c> command (npm package @redocly/cli), which scripts/test.sh installs.</summary>
public sealed class RedoclyFactAttribute : FactAttribute
{
    public RedoclyFactAttribute()
    {
        if (ExternalTool.Find("redocly") is null)
        {
            Skip = "redocly is not installed (npm install -g @redocly/cli@2.77.0); scripts/test.sh installs it.";
        }
    }
}
