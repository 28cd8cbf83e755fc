using Commerce.Silo.Hosting;
using Commerce.WebApi.Dashboard;
using Commerce.WebApi.Hosting;
using Commerce.WebApi.Observability;

var builder = WebApplication.CreateBuilder(args);
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
