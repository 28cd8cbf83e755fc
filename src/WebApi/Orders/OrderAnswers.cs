using Commerce.Grains.Interfaces.Orders;
using Commerce.WebApi.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.WebApi.Orders;

/// <summary>What a placement (order create or checkout) answers: 201 with the order, or why nothing was taken.</summary>
public static class OrderAnswers
{
    public static IResult From(OrderOutcome outcome)
    {
        if (outcome.Order is { } order)
        {
            return TypedResults.Created($"/api/v1/orders/{order.Id}", OrderResponse.From(order));
        }

        var missing = outcome.ShortLines.Where(l => !l.Exists).Select(l => l.ProductId).ToList();
        if (missing.Count > 0)
        {
            var notFound = ApiProblems.NotFound($"Product {string.Join(", ", missing)} does not exist; nothing was ordered.");
            notFound.ProblemDetails.Extensions["errors"] =
                new Dictionary<string, string[]> { ["items"] = [.. missing.Select(id => $"product {id} does not exist.")] };
            return notFound;
        }

        return Short(outcome.ShortLines);
    }

    /// <summary>409 listing every short line with what is available of it; nothing was taken.</summary>
    private static ProblemHttpResult Short(IReadOnlyList<ShortLine> lines)
    {
        var result = ApiProblems.Conflict(
            $"{lines.Count} of the order's lines cannot be had in the quantity asked; nothing was ordered.",
            new Dictionary<string, string[]>
            {
                ["items"] = [.. lines.Select(l => $"product {l.ProductId}: {l.Requested} asked, {l.Available} available.")],
            });
        result.ProblemDetails.Extensions["lines"] = lines
            .Select(l => new Dictionary<string, long> { ["product_id"] = l.ProductId, ["requested"] = l.Requested, ["available"] = l.Available })
            .ToList();
        return result;
    }
}
