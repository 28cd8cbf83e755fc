namespace Commerce.ReadModel;

/// <summary>The catalog's own meter and instrument names, exported beside Orleans', ASP.NET Core's and Npgsql's.</summary>
public static class CatalogMeter
{
    public const string Name = "Commerce.Catalog";

    public const string SearchResults = "catalog.search.results";
    public const string SearchZeroResults = "catalog.search.zero_results";
    public const string SearchWaiting = "catalog.search.waiting";
    public const string RequestsWaiting = "catalog.requests.waiting";
    public const string Mutations = "catalog.mutations";
    public const string CartsExpired = "catalog.carts.expired";
    public const string OrdersPlaced = "catalog.orders.placed";
    public const string OrdersRefused = "catalog.orders.refused";
    public const string ReservationsLive = "catalog.reservations.live";
}
