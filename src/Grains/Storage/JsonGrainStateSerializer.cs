using System.Text.Json;
using Orleans.Storage;

namespace Commerce.Grains.Storage;

/// <summary>
/// Grain state as UTF-8 JSON with snake_case names, so the payload stored in <c>OrleansStorage.PayloadJson</c>
/// can be read by SQL (the category tree loads from it, the sweep and the audit compare it with the read rows).
/// </summary>
internal sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) =>
        JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)
        ?? throw new JsonException($"Stored state of type {typeof(T).Name} is JSON null.");
}
