using Microsoft.Extensions.Hosting;
using System.Net;
using Commerce.Grains.Hosting;
using Commerce.Hosting;
using Commerce.Hosting.Health;
using Commerce.Tests.Api;
using Commerce.Tests.Infrastructure;
using Commerce.WebApi.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Tests.Hardening;

/// <summary>A request in flight when the host is told to stop still completes with a 2xx, through a real grain call.</summary>
[Collection(FaultTestGroup.Name)]
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task A_slow_request_in_flight_during_StopAsync_completes()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["ConnectionStrings:Catalog"] = await TestDatabase.CreateDatabaseAsync("shutdown");
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddCatalogDatabase();
        builder.UseOrleans(silo => silo.AddCatalogSilo(builder.Configuration));
        builder.AddCatalogApi();
        builder.AddCatalogHealthChecks();
        var app = builder.Build();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Slows a product GET down: it enters, waits while the host starts stopping, then runs the real endpoint.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/slow", out var rest))
            {
                entered.TrySetResult();
                await Task.Delay(1500, CancellationToken.None);
                context.Request.Path = rest;
            }

            await next(context);
        });
        app.UseRouting(); // after the rewrite
        app.UseCatalogApi();
        app.MapCatalogApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var product = await client.CreateProductAsync();

        var slow = client.GetAsync(new Uri($"/slow/api/v1/products/{product.Id()}", UriKind.Relative));
        await entered.Task;
        var stopping = app.StopAsync();
        using var response = await slow;
        await stopping;
        await app.DisposeAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(product.Text("sku"), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
