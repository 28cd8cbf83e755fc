using System.Text.Json;
using Commerce.Grains.Interfaces.Validation;
using Commerce.WebApi.Json;

namespace Commerce.WebApi.Stock;

/// <summary>Turns a stock-adjustment body into its fields, recording JSON type errors; the grain checks the values.</summary>
public static class StockRequests
{
    public static AdjustmentBody ReadAdjustment(JsonElement body, FieldErrors errors)
    {
        var fields = new JsonFields(body, errors);
        return new AdjustmentBody(fields.WholeNumber("delta").Value, fields.Text("reason").Value);
    }
}

/// <summary>The fields of a stock adjustment as sent (null = absent or null).</summary>
public sealed record AdjustmentBody(long? Delta, string? Reason);
