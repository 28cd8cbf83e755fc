using System.Collections.Concurrent;
using System.Reflection;

namespace Commerce.Runtime.Calls;

/// <summary>
/// A grain interface method and a cached way to call it and to type its result. Built once per method,
/// so a call costs a dictionary look-up rather than reflection over the interface.
/// </summary>
public sealed class GrainMethod
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethod> Cache = new();

    private readonly Func<Task<object?>, object> _typeResult;
    private readonly Func<Task, object?> _readResult;

    private GrainMethod(MethodInfo method)
    {
        Method = method;
        Name = $"{method.DeclaringType!.Name}.{method.Name}";
        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            ResultType = null;
            _typeResult = task => task;
            _readResult = _ => null;
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            ResultType = returnType.GetGenericArguments()[0];
            var convert = typeof(GrainMethod).GetMethod(nameof(CastResult), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(ResultType);
            _typeResult = convert.CreateDelegate<Func<Task<object?>, object>>();
            var read = typeof(GrainMethod).GetMethod(nameof(ReadResult), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(ResultType);
            _readResult = read.CreateDelegate<Func<Task, object?>>();
        }
        else
        {
            throw new NotSupportedException($"Grain method {Name} must return Task or Task<T>.");
        }
    }

    public MethodInfo Method { get; }

    /// <summary>Interface and method name, e.g. <c>IProductGrain.GetAsync</c>; used in statistics and on the wire.</summary>
    public string Name { get; }

    /// <summary>The T of Task&lt;T&gt;, or null for a plain Task.</summary>
    public Type? ResultType { get; }

    public static GrainMethod For(MethodInfo method) => Cache.GetOrAdd(method, static m => new GrainMethod(m));

    /// <summary>Runs the method on a grain instance and awaits it, returning the boxed result.</summary>
    public async Task<object?> InvokeAsync(object grain, object?[] arguments)
    {
        var task = (Task)Method.Invoke(grain, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null)!;
        await task.ConfigureAwait(false);
        return _readResult(task);
    }

    /// <summary>Turns the runtime's untyped completion into the Task type the interface declares.</summary>
    public object TypeResult(Task<object?> untyped) => _typeResult(untyped);

    private static object? ReadResult<T>(Task completed) => ((Task<T>)completed).Result;

    private static async Task<T> CastResult<T>(Task<object?> untyped) => (T)(await untyped.ConfigureAwait(false))!;
}
