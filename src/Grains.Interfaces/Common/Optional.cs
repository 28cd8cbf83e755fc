namespace Commerce.Grains.Interfaces.Common;

/// <summary>A PATCH field: absent (leave unchanged) or present with a value, which may itself be null.</summary>
[GenerateSerializer, Immutable, Alias("Commerce.Optional`1")]
public readonly record struct Optional<T>([property: Id(0)] bool IsSet, [property: Id(1)] T Value)
{
    public static Optional<T> Unset => default;

    public static Optional<T> Of(T value) => new(true, value);
}
