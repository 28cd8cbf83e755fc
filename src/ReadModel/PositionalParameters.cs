using Npgsql;

namespace Commerce.ReadModel;

/// <summary>The search statements number their parameters ($1, $2, …) in the order their filters were added.</summary>
internal static class PositionalParameters
{
    public static NpgsqlCommand WithValues(this NpgsqlCommand command, IReadOnlyList<object> values)
    {
        Add(command.Parameters, values);
        return command;
    }

    public static NpgsqlBatchCommand WithValues(this NpgsqlBatchCommand command, IReadOnlyList<object> values)
    {
        Add(command.Parameters, values);
        return command;
    }

    private static void Add(NpgsqlParameterCollection parameters, IReadOnlyList<object> values)
    {
        foreach (var value in values)
        {
            parameters.Add(new NpgsqlParameter { Value = value });
        }
    }
}
