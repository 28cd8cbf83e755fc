using System.Diagnostics.Metrics;
using Commerce.ReadModel;

namespace Commerce.Grains.Telemetry;

/// <summary>Counts the catalog's writes that succeeded, by entity and operation (<c>catalog.mutations</c>).</summary>
public sealed class MutationMetrics(IMeterFactory meters)
{
    public const string Product = "product";
    public const string Category = "category";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string StockAdjustment = "stock-adjustment";

    private readonly Counter<long> _mutations = meters.Create(CatalogMeter.Name)
        .CreateCounter<long>(CatalogMeter.Mutations, description: "Product and category writes that succeeded.");

    public void Record(string entity, string operation) =>
        _mutations.Add(1, new KeyValuePair<string, object?>("entity", entity), new KeyValuePair<string, object?>("operation", operation));
}
