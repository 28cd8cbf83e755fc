using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Commerce.Postgres;

/// <summary>
/// The catalog's <see cref="NpgsqlDataSource"/> behind a <see cref="DbDataSource"/> that can be handed out before the
/// database has started. Orleans' ADO.NET providers take their data source when their options are built, which
/// happens while the host is constructed; the embedded server's address is only known once it has started. The
/// providers open connections only after that, so every call here reaches the real, shared pool.
/// </summary>
public sealed class DeferredDataSource(IServiceProvider services) : DbDataSource
{
    private NpgsqlDataSource Inner => services.GetRequiredService<NpgsqlDataSource>();

    public override string ConnectionString => Inner.ConnectionString;

    protected override DbConnection CreateDbConnection() => Inner.CreateConnection();
}
