namespace Commerce.Tests.OpenApi;

/// <summary>Files of the repository the tests were built from (docs, configuration, generated code under review).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Commerce.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Commerce.sln above {AppContext.BaseDirectory}.");
    }
}
