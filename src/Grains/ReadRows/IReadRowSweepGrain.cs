namespace Commerce.Grains.ReadRows;

/// <summary>
/// One grain (key 0) that brings read rows back in step with grain state after a crash fell between the two writes.
/// Every silo pokes it every few seconds; it does the work once per interval for the whole cluster.
/// </summary>
[Alias("Commerce.IReadRowSweepGrain")]
public interface IReadRowSweepGrain : IGrainWithIntegerKey
{
    [Alias("Sweep")]
    Task SweepAsync();
}
