using Commerce.Grains.Hosting;
using Commerce.Hosting;
using Commerce.WebApi.Hosting;

// Settings files ship next to the binaries: reading them from there keeps behaviour the same whatever the
// working directory (dotnet run, dotnet Commerce.WebApi.dll from the repository root, a container).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddCatalogDatabase();

// The front-end's role: by default it co-hosts a silo, so one process runs the whole catalog; as a client it
// reaches separate silos (src/Silo) through their gateways.
if (builder.Configuration.GetValue<ClusterMode>($"{CatalogClusterOptions.Section}:{nameof(CatalogClusterOptions.Mode)}") == ClusterMode.Client)
{
    builder.UseOrleansClient(client => client.AddCatalogClient(builder.Configuration));
}
else
{
    builder.UseOrleans(silo => silo.AddCatalogSilo(builder.Configuration));
}

builder.AddCatalogFrontEnd();

var app = builder.Build();
app.UseCatalogFrontEnd();
return await app.RunCatalogNodeAsync();

/// <summary>The REST front-end; by default it also hosts a silo, so one process runs the whole catalog.</summary>
public partial class Program;
