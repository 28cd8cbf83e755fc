using Commerce.Grains.Stock;

namespace Commerce.Tests.Rules;

/// <summary>The stock arithmetic of a product (docs/adr/006): every step is safe to repeat.</summary>
public sealed class StockStateTests
{
    [Fact]
    public void A_holder_may_hold_what_is_free_plus_what_it_holds()
    {
        var stock = StockState.Starting(10).WithReservation("cart:a", 4).WithReservation("cart:b", 3);
        Assert.Equal(7, stock.Reserved);
        Assert.Equal(7, stock.AvailableTo("cart:a"));
        Assert.Equal(3, stock.AvailableTo("cart:c"));
        Assert.Equal(3, stock.WithReservation("cart:a", 0).Reserved);
    }

    [Fact]
    public void A_transfer_moves_the_units_and_a_repeat_changes_nothing()
    {
        var stock = StockState.Starting(5).WithReservation("cart:a", 2);
        Assert.Equal(5, stock.AvailableForTransfer("cart:a", "order:1"));
        var moved = stock.Transferred("cart:a", "order:1", 2);
        Assert.Equal(0, moved.HeldBy("cart:a"));
        Assert.Equal(2, moved.HeldBy("order:1"));
        Assert.Equal(moved.Reservations, moved.Transferred("cart:a", "order:1", 2).Reservations);
    }

    [Fact]
    public void A_commit_sells_what_the_holder_holds_once()
    {
        var sold = StockState.Starting(5).WithReservation("order:1", 2).Committed("order:1");
        Assert.Equal((3L, 0L, 2L), (sold.OnHand, sold.Reserved, sold.Ordered));
        Assert.Same(sold, sold.Committed("order:1"));
    }

    [Fact]
    public void A_return_puts_an_orders_units_back_once()
    {
        var back = StockState.Starting(3).ReturnedFrom(7, 2);
        Assert.Equal((5L, 2L), (back.OnHand, back.Cancelled));
        Assert.Same(back, back.ReturnedFrom(7, 2));
        Assert.Empty(back.Forgetting(7).Returned);
        Assert.Equal((5L, 2L), (back.Forgetting(7).OnHand, back.Forgetting(7).Cancelled));
    }

    [Fact]
    public void An_adjustment_may_not_leave_fewer_units_than_are_reserved_and_is_remembered_by_id()
    {
        var stock = StockState.Starting(5).WithReservation("cart:a", 4);
        Assert.Null(stock.TryAdjust("x", -2));
        var adjusted = stock.TryAdjust("y", -1)!;
        Assert.Equal((4L, -1L), (adjusted.OnHand, adjusted.Adjusted));
        Assert.Equal(new RememberedAdjustment("y", adjusted.Figures()), adjusted.AnswerOf("y"));
        Assert.Null(adjusted.AnswerOf("x"));
    }

    [Fact]
    public void A_refusal_is_remembered_with_the_figures_that_refused_it_and_changes_no_units()
    {
        var stock = StockState.Starting(5).WithReservation("cart:a", 4);
        var refused = stock.Refusing("x");
        Assert.Equal(new RememberedAdjustment("x", new(5, 4), Refused: true), refused.AnswerOf("x"));
        Assert.Equal((5L, 4L, 0L), (refused.OnHand, refused.Reserved, refused.Adjusted));
        // Units that came in later do not turn the remembered refusal into a success.
        Assert.True(refused.TryAdjust("y", 10)!.AnswerOf("x")!.Refused);
    }

    [Fact]
    public void Only_the_latest_adjustment_answers_are_kept()
    {
        var stock = StockState.Starting(0);
        for (var i = 0; i <= StockState.RememberedAdjustments; i++)
        {
            stock = stock.TryAdjust($"a{i}", 1)!;
        }

        Assert.Equal(StockState.RememberedAdjustments, stock.RecentAdjustments.Count);
        Assert.Null(stock.AnswerOf("a0"));
        Assert.NotNull(stock.AnswerOf($"a{StockState.RememberedAdjustments}"));
    }
}
