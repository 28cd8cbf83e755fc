using Commerce.Grains.Activations;
using Commerce.Grains.Carts;
using Commerce.Grains.Interfaces.Orders;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Stock;
using Commerce.Grains.Storage;
using Commerce.Grains.Telemetry;

namespace Commerce.Grains.Orders;

/// <summary>
/// An order. Placement: persist <see cref="OrderStep.Reserving"/>, reserve every line under the order's name, then
/// either release them all and persist <see cref="OrderStep.Refused"/>, or persist and project
/// <see cref="OrderStep.Placed"/> and sell every line (<see cref="OrderStep.Committed"/>). Every step can be repeated,
/// and every call first finishes a sequence it finds half done, so a crash at any point ends with the order and its
/// stock taken or with neither (docs/adr/006).
/// </summary>
public sealed class OrderGrain(
    [PersistentState(GrainStorageNames.Order, GrainStorageNames.Provider)] IPersistentState<OrderState> order,
    OrderReadRows readRows,
    OrderMetrics metrics,
    TimeProvider time) : Grain, IOrderGrain
{
    private long Id => this.GetPrimaryKeyLong();

    private string Holder => OrderHolder.Of(Id);

    private EmptyActivation Empty => field ??= new(this, () => order.State.Step == OrderStep.None);

    public async Task<OrderOutcome> PlaceAsync(OrderRequest request)
    {
        if (order.State.Step == OrderStep.None)
        {
            var now = CatalogClock.Now(time);
            await StateConflicts.WriteAsync(order, new OrderState
            {
                Step = OrderStep.Reserving, CustomerId = request.CustomerId, Requested = request.Lines, FromCart = request.FromCart,
                CreatedAt = now, UpdatedAt = now, Version = 1,
            });
        }

        await ResumeAsync();
        return new OrderOutcome(View(), order.State.ShortLines);
    }

    public async Task<OrderView?> GetAsync()
    {
        await ResumeAsync();
        var view = View();
        if (view is null)
        {
            Empty.ForgetSoon();
        }

        return view;
    }

    public async Task<OrderView?> CancelAsync()
    {
        await ResumeAsync();
        if (order.State.Step == OrderStep.Committed)
        {
            await AdvanceAsync(OrderStep.Cancelling);
            await ResumeAsync();
        }

        return View();
    }

    public async Task ResumeAsync()
    {
        switch (order.State.Step)
        {
            case OrderStep.Reserving:
                await ReserveAsync();
                if (order.State.Step == OrderStep.Placed)
                {
                    await CommitAsync();
                }

                break;
            case OrderStep.Placed:
                await CommitAsync();
                break;
            case OrderStep.Cancelling:
                await Task.WhenAll(order.State.Lines.Select(line => Product(line.ProductId).ReturnAsync(Id, line.Quantity)));
                // The row already says cancelled (written with Cancelling); this only records that the units are back.
                await StateConflicts.WriteAsync(order, order.State with { Step = OrderStep.UnitsReturned });
                await ForgetReturnAsync();
                break;
            case OrderStep.UnitsReturned:
                await ForgetReturnAsync();
                break;
        }
    }

    /// <summary>Every line reserved (taken over from the cart at checkout), or none: the order is placed or refused.</summary>
    private async Task ReserveAsync()
    {
        var state = order.State;
        var cart = state.FromCart is { } cartId ? CartHolder.Of(cartId) : null;
        var reservations = await Task.WhenAll(state.Requested.Select(line => cart is null
            ? Product(line.ProductId).ReserveAsync(Holder, line.Quantity)
            : Product(line.ProductId).TransferAsync(cart, Holder, line.Quantity)));
        var shortLines = state.Requested.Zip(reservations)
            .Where(pair => pair.Second.Outcome != ReservationOutcome.Held)
            .Select(pair => new ShortLine(pair.First.ProductId, pair.First.Quantity, pair.Second.Available, pair.Second.Outcome != ReservationOutcome.NoProduct))
            .ToList();
        if (shortLines.Count > 0)
        {
            // Nothing may stay held: release every line, including those that were short (they hold nothing, a no-op).
            await Task.WhenAll(state.Requested.Select(line => Product(line.ProductId).ReserveAsync(Holder, 0)));
            await StateConflicts.WriteAsync(order, state with { Step = OrderStep.Refused, ShortLines = shortLines });
            metrics.Refused(shortLines.Any(l => !l.Exists) ? OrderMetrics.UnknownProduct : OrderMetrics.OutOfStock);
            return;
        }

        var lines = reservations.Select((r, i) => new OrderLine(
            r.Line!.ProductId, r.Line.Title, r.Line.Sku, r.Line.UnitPrice, state.Requested[i].Quantity)).ToList();
        await StateConflicts.WriteAsync(order, state with { Step = OrderStep.Placed, Lines = lines });
        await readRows.WriteAsync(Id, order.State);
        metrics.Placed();
    }

    private async Task CommitAsync()
    {
        await Task.WhenAll(order.State.Lines.Select(line => Product(line.ProductId).CommitAsync(Holder)));
        await StateConflicts.WriteAsync(order, order.State with { Step = OrderStep.Committed });
    }

    /// <summary>
    /// The products drop this order from the orders whose units they took back, so a product's state does not grow with
    /// every cancellation it ever saw.
    /// </summary>
    private async Task ForgetReturnAsync()
    {
        await Task.WhenAll(order.State.Lines.Select(line => Product(line.ProductId).ForgetReturnAsync(Id)));
        await StateConflicts.WriteAsync(order, order.State with { Step = OrderStep.Cancelled });
    }

    /// <summary>A step the client sees (cancelled): new version and updated_at, projected before anyone hears of it.</summary>
    private async Task AdvanceAsync(OrderStep step)
    {
        var state = order.State;
        await StateConflicts.WriteAsync(order, state with { Step = step, UpdatedAt = CatalogClock.Next(time, state.UpdatedAt), Version = state.Version + 1 });
        await readRows.WriteAsync(Id, order.State);
    }

    private OrderView? View()
    {
        var state = order.State;
        var status = state.Step switch
        {
            OrderStep.Placed or OrderStep.Committed => OrderStatus.Placed,
            OrderStep.Cancelling or OrderStep.UnitsReturned or OrderStep.Cancelled => OrderStatus.Cancelled,
            _ => (OrderStatus?)null,
        };
        return status is { } placed ? new OrderView(Id, state.CustomerId, placed, state.Lines, state.CreatedAt, state.UpdatedAt, state.Version) : null;
    }

    private IProductGrain Product(long id) => GrainFactory.GetGrain<IProductGrain>(id);
}
