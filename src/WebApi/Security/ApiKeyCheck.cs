using Commerce.WebApi.Errors;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Commerce.WebApi.Security;

/// <summary>With <c>Security:ApiKey</c> set, writes need that key in <c>X-Api-Key</c> (else 401 problem details); reads stay open.</summary>
internal static class ApiKeyCheck
{
    public const string Header = "X-Api-Key";

    public static IApplicationBuilder UseApiKeyForWrites(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var key = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.ApiKey;
        var method = context.Request.Method;
        var isWrite = HttpMethods.IsPost(method) || HttpMethods.IsPatch(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method);
        if (string.IsNullOrEmpty(key) || !isWrite || !context.Request.Path.StartsWithSegments("/api") || Matches(context.Request.Headers[Header], key))
        {
            await next(context);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "ApiKey header=\"" + Header + "\"";
        await ProblemResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", $"Changes need a valid API key in the {Header} header.");
    });

    private static bool Matches(string? given, string key) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
}
