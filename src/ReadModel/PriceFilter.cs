namespace Commerce.ReadModel;

/// <summary>
/// How a price range is tested beside a text or category filter. PostgreSQL's planner ANDs the price index's bitmap
/// with the other filter's whenever the range excludes anything, and that bitmap holds every product in the range:
/// for a range holding half of 1M products it took 117 ms to build, where testing the price of each of a text
/// filter's 20,000 matches took 14 ms. A range holding more than 1/<see cref="BroadShareOfCatalog"/> of the catalog
/// (by the price band counts, <see cref="PriceBands"/>) is therefore tested on the rows the other filter finds; a
/// narrower one keeps the index, which then spares visiting most of those rows (docs/PERFORMANCE.md, issue #13).
/// </summary>
internal static class PriceFilter
{
    /// <summary>Where the two plans measured even at 1M products: a text term matching 2% of the catalog.</summary>
    private const int BroadShareOfCatalog = 32;

    public static ValueTask<bool> IsBroadAsync(PriceBands bands, decimal? min, decimal? max, CancellationToken cancellationToken) =>
        bands.HoldsMoreThanAsync(BroadShareOfCatalog, min, max, cancellationToken);

    /// <param name="prices">The SQL parameters of the bounds the search has.</param>
    /// <param name="byIndex">
    /// False for a broad range: <c>price + 0</c> is the same exact test on an expression no index covers, so the
    /// planner cannot take the price index for it.
    /// </param>
    public static IEnumerable<string> Conditions(PriceBounds prices, bool byIndex)
    {
        var price = byIndex ? "price" : "price + 0";
        if (prices.Min is { } min)
        {
            yield return $"{price} >= {min}";
        }

        if (prices.Max is { } max)
        {
            yield return $"{price} <= {max}";
        }
    }
}
