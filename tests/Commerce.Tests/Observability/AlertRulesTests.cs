using Commerce.Tests.OpenApi;

namespace Commerce.Tests.Observability;

/// <summary>deploy/prometheus: the alert rules load, and their unit tests (written against today's /metrics names) pass.</summary>
public sealed class AlertRulesTests
{
    [PromtoolFact]
    public async Task Alert_rules_pass_their_promtool_unit_tests()
    {
        var promtool = ExternalTool.Find("promtool")!;
        var (checkExit, checkOutput, checkError) = await ExternalTool.RunAsync(promtool, ["check", "rules", RepositoryFiles.PathOf("deploy/prometheus/alerts.yml")]);
        Assert.True(checkExit == 0, $"promtool check rules failed ({checkExit}): {checkOutput}{checkError}");
        var (testExit, testOutput, testError) = await ExternalTool.RunAsync(promtool, ["test", "rules", RepositoryFiles.PathOf("deploy/prometheus/alerts.test.yml")]);
        Assert.True(testExit == 0, $"promtool test rules failed ({testExit}): {testOutput}{testError}");
    }
}
