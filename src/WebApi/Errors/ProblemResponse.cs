using Microsoft.AspNetCore.Mvc;

namespace Commerce.WebApi.Errors;

/// <summary>Writes a problem-details answer from middleware, where no endpoint result is there to return one.</summary>
public static class ProblemResponse
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
