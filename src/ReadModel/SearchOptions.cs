using System.ComponentModel.DataAnnotations;

namespace Commerce.ReadModel;

/// <summary>
/// How many searches run against PostgreSQL at once per process, how long one may wait its turn, and how fresh the
/// price distribution that picks their plans is.
/// </summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// Searches in PostgreSQL at once; the rest wait in arrival order. A search is CPU-bound in the database, and
    /// with many at once they time-slice the same cores: each then takes as many times longer as there are searches
    /// sharing a core, so the costly shapes (thousands of matches counted) make the latency tail. Waiting in arrival
    /// order, a search's latency is its wait plus its own cost. About two per database core keeps every core busy
    /// while one search is between statements; the default suits a database with as many cores as this process
    /// sees (measured with 3, 4, 6 and unlimited on 2 cores: docs/PERFORMANCE.md, issue #13).
    /// </summary>
    [Range(1, 10_000)]
    public int Concurrency { get; set; } = 2 * Environment.ProcessorCount;

    /// <summary>How long a search may wait for its turn before it is answered 503 with Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How old the price band counts that tell a broad price range from a narrow one may grow before a search reads
    /// them again (<see cref="PriceBands"/>). They only pick a plan; answers are exact either way.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan PriceBandsMaxAge { get; set; } = TimeSpan.FromSeconds(10);
}
