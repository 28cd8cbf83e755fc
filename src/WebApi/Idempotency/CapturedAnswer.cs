using System.Text;
using Commerce.Grains.Interfaces.Idempotency;

namespace Commerce.WebApi.Idempotency;

/// <summary>
/// An endpoint result rendered to its status, headers and bytes, so the first answer to an Idempotency-Key can be
/// stored and every repeat written byte for byte the same.
/// </summary>
public static class CapturedAnswer
{
    public static async Task<StoredAnswer> RenderAsync(IResult result, HttpContext http)
    {
        var capture = new DefaultHttpContext { RequestServices = http.RequestServices, TraceIdentifier = http.TraceIdentifier };
        capture.Request.Method = http.Request.Method;
        capture.Request.Path = http.Request.Path;
        using var body = new MemoryStream();
        capture.Response.Body = body;
        await result.ExecuteAsync(capture);
        var location = capture.Response.Headers.Location.ToString();
        return new StoredAnswer(capture.Response.StatusCode, capture.Response.ContentType ?? "application/json",
            Encoding.UTF8.GetString(body.ToArray()), location.Length > 0 ? location : null);
    }

    public static IResult Replay(StoredAnswer answer) => new Replayed(answer);

    private sealed class Replayed(StoredAnswer answer) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = answer.Status;
            response.ContentType = answer.ContentType;
            if (answer.Location is { } location)
            {
                response.Headers.Location = location;
            }

            return response.WriteAsync(answer.Body, Encoding.UTF8);
        }
    }
}
