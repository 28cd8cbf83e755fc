using System.Globalization;
using Commerce.Grains.Interfaces.Orders;
using Commerce.Grains.Interfaces.Validation;
using Commerce.ReadModel;
using Commerce.WebApi.Errors;
using Commerce.WebApi.Http;
using Commerce.WebApi.Idempotency;
using Commerce.WebApi.Json;
using Commerce.WebApi.OpenApi;
using Commerce.WebApi.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Commerce.WebApi.Orders;

/// <summary><c>/api/v1/orders</c>: all-or-nothing placement, reads, a customer's history and cancel (docs/adr/006).</summary>
public static class OrderEndpoints
{
    public static RouteGroupBuilder MapOrderEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/orders").WithTags(OpenApiTags.Orders);
        group.MapPost("/", CreateOrder)
            .WithName("createOrder")
            .WithMetadata(IdempotentOperation.Instance)
            .WithSummary("Place an order")
            .WithDescription("All or nothing: when every line is available the order is placed and its units taken (201); otherwise 409 " +
                "lists every short line with what is available of it, and nothing is taken. An unknown product is 404. With an " +
                "`Idempotency-Key`, a repeat of the same request answers the first answer and takes nothing again; the same key " +
                "with another request is 422.")
            .AcceptsJson<CreateOrderRequest>()
            .Produces<OrderResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);
        group.MapGetAndHead("/", ListOrders)
            .WithName("listOrders")
            .WithSummary("A customer's orders")
            .WithDescription("Whole orders (lines embedded), newest first; a page costs the same few queries whatever its size.")
            .ProducesProblems(StatusCodes.Status422UnprocessableEntity);
        group.MapGetAndHead("/{id}", GetOrder)
            .WithName("getOrder")
            .WithSummary("Read an order")
            .WithDescription("Lines keep the title, SKU and price of the moment the order was placed, whatever happened to the products since.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/cancel", CancelOrder)
            .WithName("cancelOrder")
            .WithSummary("Cancel an order")
            .WithDescription("Status `cancelled`, units back in stock. Repeating it answers the cancelled order and returns nothing twice.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<IResult> CreateOrder(HttpRequest request, JsonBodyReader bodies, IdSequence ids, IGrainFactory grains)
    {
        if (IdempotencyKeyHeader.TryRead(request, out var key) is { } badKey)
        {
            return badKey;
        }

        var (body, problem) = await CommandBody.ReadAsync(request, bodies, OrderRequests.ReadOrder, "The order is not valid.");
        if (body is null)
        {
            return problem!;
        }

        var newId = await ids.NextOrderIdAsync(request.HttpContext.RequestAborted);
        return await IdempotentRequest.RunAsync(request.HttpContext, grains, key, OrderRequests.Canonical(body),
            newId.ToString(CultureInfo.InvariantCulture), async orderId =>
                OrderAnswers.From(await grains.GetGrain<IOrderGrain>(long.Parse(orderId, CultureInfo.InvariantCulture))
                    .PlaceAsync(new OrderRequest(body.CustomerId, body.Lines))));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrder(string id, IGrainFactory grains, HttpResponse response)
    {
        if (ResourceId.Parse(id) is not { } key || await grains.GetGrain<IOrderGrain>(key).GetAsync() is not { } order)
        {
            return ApiProblems.NotFound($"Order {id} does not exist.");
        }

        EntityTags.Set(response, order.Version);
        return TypedResults.Ok(OrderResponse.From(order));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> CancelOrder(string id, IGrainFactory grains)
    {
        return ResourceId.Parse(id) is { } key && await grains.GetGrain<IOrderGrain>(key).CancelAsync() is { } order
            ? TypedResults.Ok(OrderResponse.From(order))
            : ApiProblems.NotFound($"Order {id} does not exist.");
    }

    public static async Task<Results<Ok<PageResponse<OrderResponse>>, ProblemHttpResult>> ListOrders(
        [FromQuery(Name = "customer_id")] string[]? customerId, [AsParameters] PageParameters page, OrderHistoryQuery history,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var customer = QueryValue.SingleValue(customerId, "customer_id", errors);
        if (!errors.Has("customer_id"))
        {
            errors.AddIfAny("customer_id", OrderRules.CheckCustomerId(customer));
        }

        var (limit, offset) = page.Parse(errors);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors.ToDictionary(), "The query parameters are not valid.");
        }

        var result = await history.ExecuteAsync(customer!, limit, offset, cancellationToken);
        return TypedResults.Ok(new PageResponse<OrderResponse>([.. result.Items.Select(OrderResponse.From)], result.Total, limit, offset));
    }
}
