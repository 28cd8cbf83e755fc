using System.Text.Json;
using Commerce.Grains.Interfaces.Common;
using Commerce.Grains.Interfaces.Validation;

namespace Commerce.WebApi.Json;

/// <summary>
/// Reads typed fields out of a JSON object and records a field error for each wrong JSON type. Rules about
/// the values themselves (length, pattern, range) belong to the grains.
/// </summary>
public sealed class JsonFields(JsonElement body, FieldErrors errors)
{
    public FieldErrors Errors { get; } = errors;

    public Optional<string?> Text(string name) => Read(name, element => element.ValueKind == JsonValueKind.String
        ? (true, ReadString(name, element))
        : (false, null), "must be a string");

    public Optional<long?> Id(string name) => Read<long?>(name, element =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var id)
            ? (true, id)
            : (false, null), "must be an integer id");

    /// <summary>A count (stock units, a quantity, a delta): a JSON number without a fraction that fits 64 bits.</summary>
    public Optional<long?> WholeNumber(string name) => Read<long?>(name, element =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value)
            ? (true, value)
            : (false, null), "must be a whole number");

    /// <summary>A price: a JSON number, or a string of plain digits with an optional fraction.</summary>
    public Optional<decimal?> Price(string name) => Read<decimal?>(name, element =>
    {
        string? error;
        decimal price;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                error = PriceRules.TryParseJsonNumber(element.GetRawText(), out price);
                break;
            case JsonValueKind.String:
                error = PriceRules.TryParsePlain(ReadString(name, element) ?? string.Empty, out price);
                break;
            default:
                return (false, null);
        }

        Errors.AddIfAny(name, error);
        return (true, error is null ? price : null);
    }, "must be a number or a string of digits such as \"1299.99\"");

    /// <summary>Null is accepted only where the API gives it a meaning (clearing a field).</summary>
    public void RejectNull<T>(string name, Optional<T> field)
    {
        if (field.IsSet && field.Value is null && !Errors.Has(name))
        {
            Errors.Add(name, "must not be null.");
        }
    }

    private Optional<T> Read<T>(string name, Func<JsonElement, (bool Ok, T Value)> convert, string typeError)
    {
        if (!body.TryGetProperty(name, out var element))
        {
            return Optional<T>.Unset;
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            return Optional<T>.Of(default!);
        }

        var (ok, value) = convert(element);
        if (!ok)
        {
            Errors.Add(name, $"{typeError}, not {Describe(element.ValueKind)}.");
        }

        return Optional<T>.Of(value);
    }

    private string? ReadString(string name, JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            Errors.Add(name, "must be valid Unicode text (it contains an unpaired surrogate).");
            return null;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
