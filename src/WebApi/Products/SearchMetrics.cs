using System.Diagnostics.Metrics;
using Commerce.ReadModel;

namespace Commerce.WebApi.Products;

/// <summary>How searches fare: how many products they match, and how often nothing (a sign of a catalog gap).</summary>
public sealed class SearchMetrics
{
    private readonly Histogram<long> _results;
    private readonly Counter<long> _zeroResults;

    public SearchMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(CatalogMeter.Name);
        _results = meter.CreateHistogram<long>(CatalogMeter.SearchResults, description: "Total matches per product search.");
        _zeroResults = meter.CreateCounter<long>(CatalogMeter.SearchZeroResults, description: "Product searches that matched nothing.");
    }

    public void Record(long total)
    {
        _results.Record(total);
        if (total == 0)
        {
            _zeroResults.Add(1);
        }
    }
}
