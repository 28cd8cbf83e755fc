using Commerce.Silo.Hosting;
using Commerce.WebApi.Dashboard;
using Commerce.WebApi.Hosting;
using Commerce.WebApi.Observability;

// Settings files ship next to the binaries: reading them from there keeps behaviour the same whatever the
// working directory (dotnet run, dotnet Commerce.WebApi.dll from the repository root, a container).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddCatalogSilo();
builder.AddCatalogApi();
builder.AddCatalogDashboard();
builder.AddCatalogObservability();

var app = builder.Build();
app.UseCatalogObservability();
app.UseCatalogApi();
app.MapCatalogApi();
app.MapCatalogDashboard();
app.Run();

/// <summary>The REST front-end; by default it also hosts a silo, so one process runs the whole catalog.</summary>
public partial class Program;
