using Npgsql;

namespace Commerce.Tests.Cluster;

/// <summary>Looks at membership straight in the database, the way an operator would.</summary>
public static class TestClusterDatabase
{
    public static async Task WaitForActiveSilosAsync(string connectionString, int count, double seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM cluster_members WHERE status = 'active'", connection);
            if ((long)(await command.ExecuteScalarAsync())! == count)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Fewer than {count} silos became active.");
            }

            await Task.Delay(200);
        }
    }
}
