namespace Commerce.WebApi.OpenApi;

/// <summary>Endpoint metadata for the document: the body an operation reads, the problems it can answer with.</summary>
public static class EndpointDocumentation
{
    /// <summary>
    /// A JSON body. The body is read whatever its Content-Type (a client that forgot it gets no 415), and
    /// accepting only application/json here would make routing refuse such requests; the document still
    /// asks for application/json only (<see cref="RequestBodyOperationFilter"/>).
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder)
        where T : notnull => builder.Accepts<T>("application/json", "*/*");

    /// <summary>
    /// RFC 9457 problem details for each status. The statuses that do not depend on the operation are added by
    /// filters: 429 and 503 (<see cref="StandardResponsesOperationFilter"/>), 401 for changes (<see cref="ApiKeySecurityOperationFilter"/>).
    /// </summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
