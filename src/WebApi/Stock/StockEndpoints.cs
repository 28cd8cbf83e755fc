using System.Globalization;
using Commerce.Grains.Interfaces.Products;
using Commerce.Grains.Interfaces.Stock;
using Commerce.WebApi.Errors;
using Commerce.WebApi.Http;
using Commerce.WebApi.Idempotency;
using Commerce.WebApi.Json;
using Commerce.WebApi.OpenApi;

namespace Commerce.WebApi.Stock;

/// <summary><c>/api/v1/products/{id}/stock-adjustments</c>: restocks and write-offs, honouring Idempotency-Key.</summary>
public static class StockEndpoints
{
    public static RouteGroupBuilder MapStockEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/products").WithTags(OpenApiTags.Products);
        group.MapPost("/{id}/stock-adjustments", AdjustStock)
            .WithName("adjustStock")
            .WithMetadata(IdempotentOperation.Instance)
            .WithSummary("Adjust a product's stock")
            .WithDescription("Adds `delta` units to `on_hand` (negative removes) and answers the new stock. A removal that would leave " +
                "fewer units than are reserved is 409. With an `Idempotency-Key`, a repeat of the same request answers the first " +
                "answer again and changes nothing; the same key with another request is 422.")
            .AcceptsJson<StockAdjustmentRequest>()
            .Produces<StockResponse>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    public static async Task<IResult> AdjustStock(string id, HttpRequest request, JsonBodyReader bodies, IGrainFactory grains)
    {
        if (ResourceId.Parse(id) is not { } key)
        {
            return ApiProblems.NotFound($"Product {id} does not exist.");
        }

        if (IdempotencyKeyHeader.TryRead(request, out var idempotencyKey) is { } badKey)
        {
            return badKey;
        }

        var (body, problem) = await CommandBody.ReadAsync(request, bodies, StockRequests.ReadAdjustment, "The stock adjustment is not valid.");
        if (body is null)
        {
            return problem!;
        }

        var command = string.Create(CultureInfo.InvariantCulture, $"{body.Delta}\n{body.Reason}");
        return await IdempotentRequest.RunAsync(request.HttpContext, grains, idempotencyKey, command, Guid.NewGuid().ToString("N"), async adjustmentId =>
        {
            var result = await grains.GetGrain<IProductGrain>(key).AdjustStockAsync(new StockAdjustment(adjustmentId, body.Delta, body.Reason));
            return result.Value is { } stock ? TypedResults.Ok(StockResponse.From(stock)) : CatalogProblems.From(result.Error!);
        });
    }
}
