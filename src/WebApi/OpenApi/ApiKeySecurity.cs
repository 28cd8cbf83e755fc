using Commerce.WebApi.Security;
using Microsoft.OpenApi;

namespace Commerce.WebApi.OpenApi;

/// <summary>The optional API key of <see cref="ApiKeyCheck"/> as a security scheme.</summary>
public static class ApiKeySecurity
{
    public const string SchemeName = "ApiKey";

    public static OpenApiSecurityScheme Scheme() => new()
    {
        Type = SecuritySchemeType.ApiKey,
        In = ParameterLocation.Header,
        Name = ApiKeyCheck.Header,
        Description = "Needed for changes (POST, PATCH, DELETE) only when the server is configured with one (`Security:ApiKey`); " +
            "reads never need it. A missing or wrong key is 401.",
    };
}
