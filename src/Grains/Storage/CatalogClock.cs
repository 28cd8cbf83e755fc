namespace Commerce.Grains.Storage;

/// <summary>Timestamps as PostgreSQL keeps them (microseconds), always moving forward for one resource.</summary>
public static class CatalogClock
{
    public static DateTimeOffset Now(TimeProvider time) => Truncate(time.GetUtcNow());

    /// <summary>The next updated_at: now, but strictly later than the previous one even within a microsecond.</summary>
    public static DateTimeOffset Next(TimeProvider time, DateTimeOffset previous)
    {
        var now = Now(time);
        return now > previous ? now : previous.AddTicks(TimeSpan.TicksPerMicrosecond);
    }

    private static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
}
