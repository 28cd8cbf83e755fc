namespace Commerce.WebApi.Http;

/// <summary>Every GET resource answers HEAD too (RFC 9110 §9.3.2): the same status and headers, no body.</summary>
public static class HeadRequests
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static RouteHandlerBuilder MapGetAndHead(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapMethods(pattern, GetAndHead, handler).AddEndpointFilter(async (context, next) =>
        {
            if (HttpMethods.IsHead(context.HttpContext.Request.Method))
            {
                // Kestrel drops the body of a HEAD response by itself, but not every server does (the test server
                // sends it), so the handler writes into nothing and the headers stay those of the GET.
                context.HttpContext.Response.Body = Stream.Null;
            }

            return await next(context);
        });
}
