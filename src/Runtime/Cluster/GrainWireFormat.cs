using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Commerce.Runtime.Calls;
using Commerce.Runtime.Identity;

namespace Commerce.Runtime.Cluster;

/// <summary>
/// How a grain call and its outcome cross between processes: JSON through the grain contracts'
/// source-generated metadata, with each argument typed by the method's own parameter types.
/// </summary>
public sealed class GrainWireFormat
{
    private readonly GrainTypeRegistry _registry;
    private readonly ConcurrentDictionary<(string Type, string Method), GrainMethod> _methods = new();

    public GrainWireFormat(GrainTypeRegistry registry, IJsonTypeInfoResolver contracts)
    {
        _registry = registry;
        Options = new JsonSerializerOptions { TypeInfoResolver = contracts };
    }

    public JsonSerializerOptions Options { get; }

    public WireCall ToWire(GrainCall call)
    {
        var parameters = call.Method.Method.GetParameters();
        var arguments = new JsonElement[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = JsonSerializer.SerializeToElement(call.Arguments[i], parameters[i].ParameterType, Options);
        }

        return new WireCall(call.Target.Type, call.Target.Key, call.Method.Method.Name, arguments);
    }

    public GrainCall FromWire(WireCall wire)
    {
        var method = _methods.GetOrAdd((wire.Type, wire.Method), key => GrainMethod.For(
            _registry.ForName(key.Type).Interface.GetMethod(key.Method, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"Grain type '{key.Type}' has no method {key.Method}.")));
        var parameters = method.Method.GetParameters();
        if (parameters.Length != wire.Arguments.Length)
        {
            throw new InvalidOperationException($"{method.Name} takes {parameters.Length} arguments, not {wire.Arguments.Length}.");
        }

        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = wire.Arguments[i].Deserialize(parameters[i].ParameterType, Options);
        }

        return new GrainCall(new GrainId(wire.Type, wire.Key), method, arguments);
    }

    public JsonElement ResultToWire(GrainMethod method, object? result) =>
        method.ResultType is null ? default : JsonSerializer.SerializeToElement(result, method.ResultType, Options);

    public object? ResultFromWire(GrainMethod method, JsonElement result) =>
        method.ResultType is null ? null : result.Deserialize(method.ResultType, Options);
}

/// <summary>A grain call on the wire.</summary>
public sealed record WireCall(string Type, long Key, string Method, JsonElement[] Arguments);

/// <summary>A grain call's outcome on the wire: a result, or the failure the callee raised.</summary>
public sealed record WireOutcome(JsonElement Result, WireFailure? Failure);

/// <summary>A failure raised by the callee. Retryable failures changed nothing and may be sent again.</summary>
public sealed record WireFailure(string Type, string Message, bool Retryable);
