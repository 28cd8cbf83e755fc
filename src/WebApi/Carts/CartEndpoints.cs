using System.Globalization;
using Commerce.Grains.Interfaces.Carts;
using Commerce.Grains.Interfaces.Orders;
using Commerce.ReadModel;
using Commerce.WebApi.Idempotency;
using Commerce.WebApi.Orders;
using Commerce.Grains.Interfaces.Validation;
using Commerce.WebApi.Errors;
using Commerce.WebApi.Http;
using Commerce.WebApi.Json;
using Commerce.WebApi.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Commerce.WebApi.Carts;

/// <summary><c>/api/v1/carts</c>: carts whose lines hold reservations (docs/adr/006).</summary>
public static class CartEndpoints
{
    public static RouteGroupBuilder MapCartEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/carts").WithTags(OpenApiTags.Carts);
        group.MapPost("/", CreateCart)
            .WithName("createCart")
            .WithSummary("Create a cart")
            .WithDescription("An empty cart with its expiry time. No body is needed.");
        group.MapGetAndHead("/{cart_id}", GetCart)
            .WithName("getCart")
            .WithSummary("Read a cart")
            .WithDescription("Lines at current prices. An expired or checked-out cart is 404.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{cart_id}/items/{product_id}", SetCartItem)
            .WithName("setCartItem")
            .WithSummary("Set a cart line")
            .WithDescription("Sets the line to `quantity`, reserving or releasing the difference at once, and restarts the cart's expiry. " +
                "Not enough units available is 409 with `errors.quantity` and `available`, the most this cart can hold; " +
                "an unknown cart or product is 404.")
            .AcceptsJson<CartItemRequest>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{cart_id}/items/{product_id}", RemoveCartItem)
            .WithName("removeCartItem")
            .WithSummary("Remove a cart line")
            .WithDescription("Releases the line's units; a product not in the cart changes nothing. An unknown cart is 404.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{cart_id}/checkout", Checkout)
            .WithName("checkoutCart")
            .WithMetadata(IdempotentOperation.Instance)
            .WithSummary("Check a cart out")
            .WithDescription("Places an order from the cart's reservations, so nothing can have sold out since they were made (201); " +
                "the cart is gone after. An empty cart is 422, an unknown or expired cart 404. Honours `Idempotency-Key` like order create.")
            .AcceptsJson<CheckoutRequest>()
            .Produces<OrderResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    public static async Task<IResult> Checkout(
        [FromRoute(Name = "cart_id")] string cartId, HttpRequest request, JsonBodyReader bodies, IdSequence ids, IGrainFactory grains)
    {
        if (CartRequests.ParseCartId(cartId) is not { } id)
        {
            return NoCart(cartId);
        }

        if (IdempotencyKeyHeader.TryRead(request, out var key) is { } badKey)
        {
            return badKey;
        }

        var (body, problem) = await CommandBody.ReadAsync(request, bodies, OrderRequests.ReadCheckout, "The checkout is not valid.");
        if (body is null)
        {
            return problem!;
        }

        var newId = await ids.NextOrderIdAsync(request.HttpContext.RequestAborted);
        return await IdempotentRequest.RunAsync(request.HttpContext, grains, key, body.CustomerId, newId.ToString(CultureInfo.InvariantCulture), async operationId =>
        {
            var orderId = long.Parse(operationId, CultureInfo.InvariantCulture);
            var checkout = await grains.GetGrain<ICartGrain>(id).CheckoutAsync(orderId, body.CustomerId);
            return checkout.Outcome switch
            {
                CartCheckoutOutcome.Ordered => OrderAnswers.From(checkout.Order!),
                CartCheckoutOutcome.EmptyCart => ApiProblems.Unprocessable($"Cart {cartId} is empty; put items in it before checking out."),
                // A repeat whose first attempt placed the order but crashed before answering finds the cart gone: the
                // key names that order, so it is the answer.
                _ => await grains.GetGrain<IOrderGrain>(orderId).GetAsync() is { } placed
                    ? OrderAnswers.From(new OrderOutcome(placed, []))
                    : NoCart(cartId),
            };
        });
    }

    public static async Task<Created<CartResponse>> CreateCart(IGrainFactory grains)
    {
        var cart = await grains.GetGrain<ICartGrain>(Guid.NewGuid()).CreateAsync();
        return TypedResults.Created($"/api/v1/carts/{cart.Id:D}", CartResponse.From(cart));
    }

    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> GetCart([FromRoute(Name = "cart_id")] string cartId, IGrainFactory grains) =>
        CartRequests.ParseCartId(cartId) is { } id && await grains.GetGrain<ICartGrain>(id).GetAsync() is { } cart
            ? TypedResults.Ok(CartResponse.From(cart))
            : NoCart(cartId);

    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> SetCartItem(
        [FromRoute(Name = "cart_id")] string cartId, [FromRoute(Name = "product_id")] string productId, HttpRequest request, JsonBodyReader bodies, IGrainFactory grains)
    {
        if (CartRequests.ParseCartId(cartId) is not { } id)
        {
            return NoCart(cartId);
        }

        var (body, problem) = await CommandBody.ReadAsync(request, bodies, CartRequests.ReadQuantity, "The cart line is not valid.");
        if (body is null)
        {
            return problem!;
        }

        if (ResourceId.Parse(productId) is not { } product)
        {
            return NoProduct(productId);
        }

        var change = await grains.GetGrain<ICartGrain>(id).SetItemAsync(product, body.Quantity);
        return change.Outcome switch
        {
            CartChangeOutcome.Changed => TypedResults.Ok(CartResponse.From(change.Cart!)),
            CartChangeOutcome.NoCart => NoCart(cartId),
            CartChangeOutcome.NoProduct => NoProduct(productId),
            CartChangeOutcome.Insufficient => Short(product, body.Quantity, change.Available),
            _ => ApiProblems.Invalid(new Dictionary<string, string[]> { ["quantity"] = [CartRules.CheckQuantity(body.Quantity)!] }, "The cart line is not valid."),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveCartItem(
        [FromRoute(Name = "cart_id")] string cartId, [FromRoute(Name = "product_id")] string productId, IGrainFactory grains)
    {
        if (CartRequests.ParseCartId(cartId) is not { } id)
        {
            return NoCart(cartId);
        }

        // A product id that names nothing is not in the cart either: removing it changes nothing.
        var removed = ResourceId.Parse(productId) is { } product
            ? await grains.GetGrain<ICartGrain>(id).RemoveItemAsync(product)
            : await grains.GetGrain<ICartGrain>(id).GetAsync() is not null;
        return removed ? TypedResults.NoContent() : NoCart(cartId);
    }

    private static ProblemHttpResult NoCart(string id) => ApiProblems.NotFound($"Cart {id} does not exist (it may have expired or been checked out).");

    private static ProblemHttpResult NoProduct(string id) => ApiProblems.NotFound($"Product {id} does not exist.");

    /// <summary>409 with the field error and how many units this cart could hold.</summary>
    private static ProblemHttpResult Short(long productId, long quantity, long available)
    {
        var result = ApiProblems.Conflict($"Only {available} units of product {productId} are available for this cart, not {quantity}.",
            new Dictionary<string, string[]> { ["quantity"] = [$"only {available} available."] });
        result.ProblemDetails.Extensions["available"] = available;
        return result;
    }
}
