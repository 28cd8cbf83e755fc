using System.Reflection;
using Commerce.Runtime.Identity;

namespace Commerce.Runtime.Calls;

/// <summary>
/// The object behind a grain reference: every interface method becomes a <see cref="GrainCall"/> handed to
/// the router. Built with <see cref="DispatchProxy"/> because the Orleans code generator is not available.
/// </summary>
public class GrainProxy : DispatchProxy
{
    private GrainId _target;
    private IGrainCallRouter? _router;

    internal static object Create(Type grainInterface, GrainId target, IGrainCallRouter router)
    {
        var proxy = (GrainProxy)DispatchProxy.Create(grainInterface, typeof(GrainProxy));
        proxy._target = target;
        proxy._router = router;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var method = GrainMethod.For(targetMethod);
        var call = new GrainCall(_target, method, args ?? []);
        return method.TypeResult(_router!.InvokeAsync(call));
    }

    public override string ToString() => $"GrainReference({_target})";
}
