namespace Commerce.Grains.Interfaces.Stock;

/// <summary>Whether a product set a holder's reservation, and what the buyer sees of the product.</summary>
[GenerateSerializer, Alias("Commerce.ReservationOutcome")]
public enum ReservationOutcome
{
    /// <summary>The holder now holds the asked quantity.</summary>
    Held,

    /// <summary>Not enough units: the holder keeps what it held; <see cref="Reservation.Available"/> is the most it could hold.</summary>
    Insufficient,

    /// <summary>The product does not exist (or was deleted).</summary>
    NoProduct,
}

/// <param name="Available">The most this holder could hold now: what is available plus what it already holds.</param>
/// <param name="Line">The product as a buyer sees it at this moment (the order's snapshot); null when there is none.</param>
[GenerateSerializer, Immutable, Alias("Commerce.Reservation")]
public sealed record Reservation(
    [property: Id(0)] ReservationOutcome Outcome,
    [property: Id(1)] long Available,
    [property: Id(2)] ProductLine? Line)
{
    public static Reservation NoProduct { get; } = new(ReservationOutcome.NoProduct, 0, null);
}
