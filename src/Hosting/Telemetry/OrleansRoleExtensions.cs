using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace Commerce.Hosting.Telemetry;

internal static class OrleansRoleExtensions
{
    /// <summary>
    /// Adds to the Orleans role that Program.cs already chose for this process. Calling <c>UseOrleans</c> or
    /// <c>UseOrleansClient</c> again reuses that builder (Orleans documents this), so telemetry and the dashboard need
    /// no second copy of the role choice.
    /// </summary>
    public static void ConfigureOrleansRole(this IHostApplicationBuilder builder, Action<ISiloBuilder> silo, Action<IClientBuilder> client)
    {
        // A silo registers its own details; a process that is only a client has the cluster client alone.
        if (builder.Services.Any(service => service.ServiceType == typeof(ILocalSiloDetails)))
        {
            builder.UseOrleans(silo);
        }
        else if (builder.Services.Any(service => service.ServiceType == typeof(IClusterClient)))
        {
            builder.UseOrleansClient(client);
        }
        else
        {
            throw new InvalidOperationException("Choose the Orleans role (UseOrleans or UseOrleansClient) before adding telemetry or the dashboard.");
        }
    }
}
