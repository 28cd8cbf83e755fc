using System.Text.RegularExpressions;
using Commerce.Tests.OpenApi;

namespace Commerce.Tests.Docs;

/// <summary>
/// The documentation a new user starts from works when copied: curl examples send no raw non-ASCII in a URL
/// (the HTTP server refuses such a request line with a bare 400 before the API sees it), and the README's links
/// lead to files in the repository.
/// </summary>
public sealed partial class DocumentationTests
{
    public static TheoryData<string> Pages => ["README.md", "docs/API.md"];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Curl_examples_put_only_ascii_in_urls(string page)
    {
        var commands = CurlCommands(RepositoryFiles.Read(page)).ToList();
        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            foreach (Match url in Url().Matches(command))
            {
                Assert.True(url.Value.All(char.IsAscii), $"{page}: raw non-ASCII in the URL {url.Value} of: {command}");
            }
        }

        Assert.Contains(commands, command => command.Contains("-G", StringComparison.Ordinal)
            && command.Contains("--data-urlencode 'q=", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Links_lead_to_files_in_the_repository(string page)
    {
        var text = RepositoryFiles.Read(page);
        Assert.DoesNotContain("../shared", text, StringComparison.Ordinal);
        foreach (Match link in RelativeLink().Matches(text))
        {
            var target = Path.Combine(Path.GetDirectoryName(RepositoryFiles.PathOf(page))!, link.Groups["path"].Value);
            Assert.True(File.Exists(target) || Directory.Exists(target), $"{page} links to {link.Groups["path"].Value}, which does not exist");
        }

        if (page == "README.md")
        {
            Assert.Contains("[docs/API.md](docs/API.md)", text, StringComparison.Ordinal);
        }
    }

    /// <summary>Each curl command of the page's bash blocks, continuation lines joined.</summary>
    private static IEnumerable<string> CurlCommands(string markdown) =>
        BashBlock().Matches(markdown)
            .SelectMany(block => block.Groups["code"].Value.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n'))
            .Where(line => line.TrimStart().StartsWith("curl ", StringComparison.Ordinal));

    [GeneratedRegex(@"```bash\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    // The address argument: $API/... or http(s)://..., up to the first space or quote that ends it.
    [GeneratedRegex(@"(\$API|https?://)[^\s'""]*")]
    private static partial Regex Url();

    [GeneratedRegex(@"\]\((?<path>(?!https?:|#)[^)#\s]+)(#[^)]*)?\)")]
    private static partial Regex RelativeLink();
}
