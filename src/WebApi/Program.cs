using Commerce.Silo.Hosting;
using Commerce.WebApi.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCatalogSilo();
builder.AddCatalogApi();

var app = builder.Build();
app.UseCatalogApi();
app.MapCatalogApi();
app.Run();

/// <summary>The REST front-end; by default it also hosts a silo, so one process runs the whole catalog.</summary>
public partial class Program;
