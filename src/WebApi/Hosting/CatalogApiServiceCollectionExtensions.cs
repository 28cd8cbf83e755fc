using Commerce.WebApi.Admission;
using Commerce.WebApi.Errors;
using Commerce.WebApi.Json;
using Commerce.WebApi.OpenApi;
using Commerce.WebApi.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Commerce.WebApi.Hosting;

public static class CatalogApiServiceCollectionExtensions
{
    /// <summary>The REST front-end: JSON, problem details, request limits and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddCatalogApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CatalogApiOptions>()
            .Bind(builder.Configuration.GetSection(CatalogApiOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var maxBody = builder.Configuration.GetSection(CatalogApiOptions.Section).Get<CatalogApiOptions>()?.MaxRequestBodyBytes
            ?? new CatalogApiOptions().MaxRequestBodyBytes;
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            // Long request lines are allowed so an over-long parameter gets a 422 problem, not a bare 414.
            kestrel.Limits.MaxRequestLineSize = 64 * 1024 + 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 128 * 1024;
            kestrel.Limits.MaxRequestBodySize = maxBody;
        });
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemDetailDefaults.Apply);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSingleton<JsonBodyReader>();
        services.AddSingleton<Products.SearchMetrics>();
        services.AddCatalogOpenApi();
        builder.AddCatalogSecurity();
        builder.AddRequestAdmission();
        return builder;
    }
}
