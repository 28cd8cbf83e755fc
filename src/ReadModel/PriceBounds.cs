namespace Commerce.ReadModel;

/// <summary>
/// The SQL parameters that hold a search's price bounds, null where it has none; for a range whose total the band
/// counts give (<see cref="MaintainedTotals"/>), also those holding the lower cut of each bound's band
/// (<see cref="PriceBandCounts.CutAtOrBelow"/>).
/// </summary>
internal sealed record PriceBounds(string? Min, string? Max, string? MinCut = null, string? MaxCut = null);
