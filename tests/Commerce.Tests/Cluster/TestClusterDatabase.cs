using Npgsql;
using Orleans.Runtime;

namespace Commerce.Tests.Cluster;

/// <summary>Looks at Orleans' membership table straight in the database, the way an operator would.</summary>
public static class TestClusterDatabase
{
    /// <summary>Each member row of the cluster: address, port, generation and status (Orleans' SiloStatus).</summary>
    public static async Task<IReadOnlyList<MemberRow>> MembersAsync(string connectionString, string clusterId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT Address, Port, Generation, Status FROM OrleansMembershipTable WHERE DeploymentId = $1", connection);
        command.Parameters.Add(new() { Value = clusterId });
        var rows = new List<MemberRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new MemberRow(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), (SiloStatus)reader.GetInt32(3)));
        }

        return rows;
    }

    public static async Task<SiloStatus?> StatusAsync(string connectionString, string clusterId, SiloAddress silo) =>
        (await MembersAsync(connectionString, clusterId)).SingleOrDefault(row => row.Is(silo))?.Status;

    /// <summary>Waits until <paramref name="count"/> silos of any cluster in the database are active.</summary>
    public static Task WaitForActiveSilosAsync(string connectionString, int count, double seconds = 60) =>
        Poll.UntilAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"SELECT count(*) FROM OrleansMembershipTable WHERE Status = {(int)SiloStatus.Active}", connection);
            return (long)(await command.ExecuteScalarAsync())! == count;
        }, $"{count} silos to be active in the membership table", seconds);

    /// <summary>
    /// Marks a silo dead the way the membership protocol does: its row and the cluster's version move together, so
    /// every silo takes the change as a newer view of the table.
    /// </summary>
    public static async Task DeclareDeadAsync(string connectionString, string clusterId, SiloAddress silo)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var member = new NpgsqlCommand(
            $"UPDATE OrleansMembershipTable SET Status = {(int)SiloStatus.Dead} WHERE DeploymentId = $1 AND Address = $2 AND Port = $3 AND Generation = $4",
            connection, transaction);
        member.Parameters.Add(new() { Value = clusterId });
        member.Parameters.Add(new() { Value = silo.Endpoint.Address.ToString() });
        member.Parameters.Add(new() { Value = silo.Endpoint.Port });
        member.Parameters.Add(new() { Value = silo.Generation });
        Assert.Equal(1, await member.ExecuteNonQueryAsync());
        await using var version = new NpgsqlCommand(
            "UPDATE OrleansMembershipVersionTable SET Version = Version + 1 WHERE DeploymentId = $1", connection, transaction);
        version.Parameters.Add(new() { Value = clusterId });
        Assert.Equal(1, await version.ExecuteNonQueryAsync());
        await transaction.CommitAsync();
    }

    public sealed record MemberRow(string Address, int Port, int Generation, SiloStatus Status)
    {
        public bool Is(SiloAddress silo) =>
            Address == silo.Endpoint.Address.ToString() && Port == silo.Endpoint.Port && Generation == silo.Generation;
    }
}
