using Npgsql;

namespace Commerce.Grains.Storage;

/// <summary>Recognises the constraint violations that carry a catalog meaning.</summary>
internal static class PostgresErrors
{
    public static bool IsUniqueViolation(this PostgresException ex, string constraint) =>
        ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == constraint;

    public static bool IsForeignKeyViolation(this PostgresException ex) =>
        ex.SqlState == PostgresErrorCodes.ForeignKeyViolation;
}
