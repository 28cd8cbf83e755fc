using System.ComponentModel.DataAnnotations;

namespace Commerce.WebApi.Admission;

/// <summary>How many API requests this process works on at once, and how many may wait for a turn.</summary>
public sealed class RequestAdmissionOptions
{
    public const string Section = "Admission";

    /// <summary>
    /// API requests worked on at once; the rest wait in arrival order. 0 lets every request in as it comes.
    /// Without turns a saturated process serves its cheap requests (a GET from a grain) at once and its costly ones
    /// (a search) behind the search turns, so the searches pile up and make the whole latency tail. With turns
    /// every request waits about as long as any other, and the tail is that wait plus one search's own cost. Four
    /// per core still keeps the cores busy while requests wait on a grain or the database (measured with 6, 8, 12,
    /// 16, 24 and 32 on 2 cores: docs/PERFORMANCE.md, issue #13).
    /// </summary>
    [Range(0, 100_000)]
    public int Concurrency { get; set; } = 4 * Environment.ProcessorCount;

    /// <summary>Requests waiting beyond this many are answered 503 with Retry-After at once.</summary>
    [Range(0, 1_000_000)]
    public int QueueLimit { get; set; } = 4096;
}
