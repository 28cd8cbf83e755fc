using Commerce.Tests.Api;

namespace Commerce.Tests.OpenApi;

/// <summary>The committed client (Generated/CatalogClient.g.cs) is exactly what NSwag makes of the served document today.</summary>
[Collection(CatalogApiCollectionDefinition.Name)]
public sealed class GeneratedClientTests(CatalogApiFixture api)
{
    [Fact]
    public async Task The_committed_client_is_what_the_served_document_generates()
    {
        var generated = await CatalogClientGeneration.GenerateAsync((await OpenApiContract.ServedAsync(api.Client)).Json);
        var path = RepositoryFiles.PathOf(CatalogClientGeneration.RelativePath);
        if (Environment.GetEnvironmentVariable(CatalogClientGeneration.UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, generated);
        }

        var committed = File.Exists(path) ? CatalogClientGeneration.Normalize(await File.ReadAllTextAsync(path)) : "(missing)";
        Assert.True(committed == generated,
            $"{CatalogClientGeneration.RelativePath} was not generated from the document the catalog serves now. Regenerate it with " +
            $"{CatalogClientGeneration.UpdateVariable}=1 dotnet test tests/Commerce.Tests --filter {nameof(GeneratedClientTests)} and review the diff.");
    }
}
