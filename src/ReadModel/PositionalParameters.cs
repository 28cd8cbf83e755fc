using Npgsql;

namespace Commerce.ReadModel;

/// <summary>The search statements number their parameters ($1, $2, …) in the order their filters were added.</summary>
internal static class PositionalParameters
{
    public static NpgsqlCommand WithValues(this NpgsqlCommand command, IReadOnlyList<object> values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    public static NpgsqlBatchCommand WithValues(this NpgsqlBatchCommand command, IReadOnlyList<object> values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
