namespace Commerce.Grains.Interfaces.Common;

/// <summary>The outcome of a delete: done, or why not.</summary>
[GenerateSerializer, Immutable, Alias("Commerce.DeleteResult")]
public sealed record DeleteResult([property: Id(0)] CatalogError? Error)
{
    public static DeleteResult Deleted { get; } = new((CatalogError?)null);

    public bool IsSuccess => Error is null;
}
