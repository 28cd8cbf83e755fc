using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Commerce.Runtime.Cluster;

/// <summary>The SQL of cluster membership. Every statement uses the database clock.</summary>
public sealed class MembershipTable(IServiceProvider services)
{
    // Resolved on first use: the data source exists only once the database has started with the host.
    private NpgsqlDataSource Database => services.GetRequiredService<NpgsqlDataSource>();

    /// <returns>The new silo's generation, unique for ever.</returns>
    public async Task<long> RegisterAsync(string address, string hostName, CancellationToken cancellationToken)
    {
        await using var command = Database.CreateCommand(
            "INSERT INTO cluster_members (generation, address, host_name, status) " +
            "VALUES (nextval('silo_generations'), $1, $2, 'active') RETURNING generation");
        command.Parameters.Add(new() { Value = address });
        command.Parameters.Add(new() { Value = hostName });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <returns>False when this generation is no longer active: it was declared dead and must not serve.</returns>
    public async Task<bool> HeartbeatAsync(long generation, CancellationToken cancellationToken)
    {
        await using var command = Database.CreateCommand(
            "UPDATE cluster_members SET heartbeat_at = now() WHERE generation = $1 AND status = 'active'");
        command.Parameters.Add(new() { Value = generation });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Declares dead every active silo that has not proven it is alive within <paramref name="timeout"/>.</summary>
    /// <returns>The generations declared dead by this call.</returns>
    public async Task<IReadOnlyList<long>> DeclareDeadAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var command = Database.CreateCommand(
            "UPDATE cluster_members SET status = 'dead', ended_at = now() " +
            "WHERE status IN ('active', 'leaving') AND heartbeat_at < now() - $1 RETURNING generation");
        command.Parameters.Add(new() { Value = timeout });
        var dead = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            dead.Add(reader.GetInt64(0));
        }

        return dead;
    }

    public async Task SetStatusAsync(long generation, string status, CancellationToken cancellationToken)
    {
        await using var command = Database.CreateCommand(
            "UPDATE cluster_members SET status = $2, ended_at = CASE WHEN $2 = 'dead' THEN now() END WHERE generation = $1 AND status <> 'dead'");
        command.Parameters.Add(new() { Value = generation });
        command.Parameters.Add(new() { Value = status });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Silos that are not dead, plus those that ended within <paramref name="recentlyEnded"/> (for dashboards).</summary>
    public async Task<IReadOnlyList<SiloInfo>> ReadAsync(TimeSpan recentlyEnded, CancellationToken cancellationToken)
    {
        await using var command = Database.CreateCommand(
            "SELECT generation, address, host_name, status, started_at, heartbeat_at FROM cluster_members " +
            "WHERE status <> 'dead' OR ended_at > now() - $1 ORDER BY generation");
        command.Parameters.Add(new() { Value = recentlyEnded });
        var silos = new List<SiloInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            silos.Add(new SiloInfo(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return silos;
    }
}
