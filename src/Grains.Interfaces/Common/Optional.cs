namespace Commerce.Grains.Interfaces.Common;

/// <summary>A PATCH field: absent (leave unchanged) or present with a value, which may itself be null.</summary>
public readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static Optional<T> Unset => default;

    public static Optional<T> Of(T value) => new(true, value);
}
