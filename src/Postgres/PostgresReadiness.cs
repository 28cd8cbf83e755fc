using Microsoft.Extensions.Logging;
using Npgsql;

namespace Commerce.Postgres;

/// <summary>Waits for a server that may still be starting, e.g. a container brought up next to the app.</summary>
internal static class PostgresReadiness
{
    public static async Task WaitAsync(
        string connectionString, int attempts, TimeSpan delay, ILogger logger, CancellationToken ct)
    {
        // Unpooled so probing leaves no idle connection behind.
        var probe = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        var server = Describe(connectionString);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("select 1", connection);
                await command.ExecuteScalarAsync(ct);
                return;
            }
            catch (Exception e) when (IsTransient(e) && attempt < attempts)
            {
                logger.ServerNotAnswering(server, attempt, attempts, e.Message);
                await Task.Delay(delay, ct);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL at {server} did not answer" +
                    (IsTransient(e) ? $" after {attempts} attempts" : "") +
                    $": {e.Message}. Check the connection string (Database:ConnectionString or ConnectionStrings__Catalog).",
                    e);
            }
        }
    }

    /// <summary>Host, port and database, never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    // Errors the server itself reports (bad password, unknown database) will not heal by waiting,
    // except "the database system is starting up".
    private static bool IsTransient(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.CannotConnectNow,
        NpgsqlException or TimeoutException => true,
        _ => false,
    };
}
