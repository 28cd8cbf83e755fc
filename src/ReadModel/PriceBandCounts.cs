namespace Commerce.ReadModel;

/// <summary>How many products each price band held when read (<see cref="PriceBands"/>), lowest band first.</summary>
internal sealed class PriceBandCounts
{
    private readonly decimal[] lowers;

    /// <summary>The products in the bands before each band; the last entry is the whole catalog.</summary>
    private readonly long[] before;

    /// <param name="lowers">Every band's lower cut, ascending (<c>price_bands</c>).</param>
    /// <param name="products">The products of each band, in the same order.</param>
    /// <param name="readAt">When they were read (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</param>
    public PriceBandCounts(decimal[] lowers, long[] products, long readAt)
    {
        this.lowers = lowers;
        before = new long[products.Length + 1];
        for (var band = 0; band < products.Length; band++)
        {
            before[band + 1] = before[band] + products[band];
        }

        ReadAt = readAt;
    }

    public long ReadAt { get; }

    public long Catalog => before[^1];

    /// <summary>
    /// The products priced from <paramref name="min"/> to <paramref name="max"/> (either open), estimated: every band
    /// between the bounds whole, and of a bound's own band the share of its width on the range's side, as if its
    /// products were spread evenly over a band 5% wide. Off by less than one band's products at each bound.
    /// </summary>
    public double Estimate(decimal? min, decimal? max) =>
        (max is { } upper ? Below(upper) : Catalog) - (min is { } lower ? Below(lower) : 0);

    /// <summary>
    /// The lower cut of the band <paramref name="price"/> falls in, as <c>price_band</c> (sql/015) tells it; a price
    /// below every cut (none is priced there) is its own cut, so the bands below it and the rows between the two are
    /// none. The cuts never change once made, so counts of any age tell them.
    /// </summary>
    public decimal CutAtOrBelow(decimal price)
    {
        var band = BandOf(price);
        return band < 0 ? price : lowers[band];
    }

    private int BandOf(decimal price)
    {
        var band = Array.BinarySearch(lowers, price);
        return band >= 0 ? band : ~band - 1;
    }

    private double Below(decimal price)
    {
        var band = BandOf(price);
        if (band < 0)
        {
            return 0;
        }

        // The top band has no upper cut; prices there are few, and it counts whole.
        var share = band + 1 < lowers.Length ? (double)((price - lowers[band]) / (lowers[band + 1] - lowers[band])) : 1;
        return before[band] + (before[band + 1] - before[band]) * share;
    }
}
