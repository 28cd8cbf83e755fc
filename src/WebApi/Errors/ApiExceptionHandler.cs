using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;

namespace Commerce.WebApi.Errors;

/// <summary>
/// The one place where exceptions become responses. Failures of the infrastructure (database down, a grain
/// not answering) are 503 with Retry-After, so clients know to retry; nothing reveals stack traces or SQL.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, retryAfter) = Classify(exception);
        if (status == StatusCodes.Status500InternalServerError)
        {
            LogFailure(logger, exception, httpContext.Request.Method, httpContext.Request.Path, status);
        }
        else if (status >= 500)
        {
            // Expected while the database or a silo is down: worth seeing, not worth paging anyone.
            LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, status, exception.GetType().Name, exception.Message);
        }

        httpContext.Response.StatusCode = status;
        if (retryAfter is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static (int Status, string Title, string Detail, int? RetryAfter) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Content Too Large" : "Bad Request", bad.Message, null),
        // Orleans: a silo died or left mid-call, a message was refused while membership changes, no gateway yet.
        OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException or GatewayTooBusyException or ClientNotAvailableException
            => (503, "Service Unavailable", "The catalog cluster is changing; retry shortly.", 1),
        InconsistentStateException => (503, "Service Unavailable", "The resource is being changed concurrently; retry shortly.", 1),
        OrleansException { InnerException: { } inner } when Classify(inner).Status == 503 => Classify(inner),
        NpgsqlException database when IsUnavailable(database) => (503, "Service Unavailable", "The catalog database is unavailable; retry shortly.", 5),
        TimeoutException => (503, "Service Unavailable", "The catalog did not answer in time; retry shortly.", 1),
        // Orleans gives up on a message whose placement outlived its response timeout (a silo died while the grain was
        // being placed); a client that went away never reads the answer, so this is a 503 either way.
        OperationCanceledException => (503, "Service Unavailable", "The catalog did not answer in time; retry shortly.", 1),
        _ => (500, "Internal Server Error", "An unexpected error occurred.", null),
    };

    /// <summary>
    /// Connection failures, a server shutting down or out of resources, and pool exhaustion: worth a retry.
    /// Any other error the server reports is a bug of ours and stays a 500.
    /// </summary>
    private static bool IsUnavailable(NpgsqlException exception) => exception is PostgresException postgres
        ? postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
          || postgres.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources
          || postgres.SqlState.StartsWith("57", StringComparison.Ordinal) // operator intervention (shutdown)
          || postgres.IsTransient
        : true;

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed with {Status}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, PathString path, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Method} {Path} answered {Status}: {ExceptionType}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string method, PathString path, int status, string exceptionType, string reason);
}
