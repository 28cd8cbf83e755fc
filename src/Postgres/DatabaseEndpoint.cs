namespace Commerce.Postgres;

/// <summary>
/// The connection string of the catalog's database, known only once <see cref="DatabaseStartup"/> has found or
/// started the server.
/// </summary>
public sealed class DatabaseEndpoint
{
    private string? connectionString;

    /// <exception cref="InvalidOperationException">The database has not started yet.</exception>
    public string ConnectionString => Volatile.Read(ref connectionString) ?? throw new InvalidOperationException(
        "The database connection string is not known yet: the database starts with the host. Resolve database " +
        "services after the host has started, and register AddPostgres before other hosted services.");

    public bool IsSet => Volatile.Read(ref connectionString) is not null;

    /// <exception cref="InvalidOperationException">It was already set.</exception>
    public void Set(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (Interlocked.CompareExchange(ref connectionString, value, null) is not null)
        {
            throw new InvalidOperationException("The database connection string is set once, at startup.");
        }
    }
}
