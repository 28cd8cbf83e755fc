namespace Commerce.Grains.Interfaces.Common;

/// <summary>The outcome of a catalog command: the resource after the change, or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("Commerce.CatalogResult`1")]
public sealed record CatalogResult<T>([property: Id(0)] T? Value, [property: Id(1)] CatalogError? Error) where T : class
{
    public bool IsSuccess => Error is null;

    public static CatalogResult<T> Success(T value) => new(value, null);

    public static CatalogResult<T> Failure(CatalogError error) => new(null, error);

    public static implicit operator CatalogResult<T>(CatalogError error) => Failure(error);
}
