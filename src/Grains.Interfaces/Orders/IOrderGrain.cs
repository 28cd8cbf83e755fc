namespace Commerce.Grains.Interfaces.Orders;

/// <summary>
/// One order, keyed by its id. Placement is a persisted sequence — reserve every line, record the order, commit the
/// lines — that any later call (or the sweep) finishes if a crash cut it short (docs/adr/006).
/// </summary>
[Alias("Commerce.IOrderGrain")]
public interface IOrderGrain : IGrainWithIntegerKey
{
    /// <summary>Places the order all or nothing. A repeat (same id) answers the first outcome and takes nothing again.</summary>
    [Alias("Place")]
    Task<OrderOutcome> PlaceAsync(OrderRequest request);

    /// <returns>The order, or null when no order was placed under this id.</returns>
    [Alias("Get")]
    Task<OrderView?> GetAsync();

    /// <summary>Cancels a placed order and returns its units, once; a repeat answers the cancelled order. Null: no such order.</summary>
    [Alias("Cancel")]
    Task<OrderView?> CancelAsync();

    /// <summary>Finishes a sequence a crash left half done (asked by the sweep); does nothing otherwise.</summary>
    [Alias("Resume")]
    Task ResumeAsync();
}
